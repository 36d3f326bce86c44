package org.tlsscope.testing;

import java.util.List;
import org.tlsscope.bytes.Slice;
import org.tlsscope.capture.Frame;
import org.tlsscope.net.Endpoint;
import org.tlsscope.net.IpAddress;
import org.tlsscope.net.TcpSegment;
import org.tlsscope.tcp.Direction;
import org.tlsscope.tcp.StreamHandler;
import org.tlsscope.tcp.TcpConnection;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.DecryptorFactory;
import org.tlsscope.tls.connection.TlsConnection;

/**
 * Drives one {@link TlsConnection} with stream bytes, as the TCP reassembler would, and keeps what it
 * reports. Each call to {@link #send} is one TCP segment (one frame).
 */
public final class TlsHarness extends RecordingListener {
    public static final Endpoint CLIENT = new Endpoint(IpAddress.v4(0x7f000001), 60454);
    public static final Endpoint SERVER = new Endpoint(IpAddress.v4(0x7f000001), 443);

    public ConnectionReport report;
    private final TcpConnection tcp;
    private final TlsConnection tls;
    private long frame;

    public TlsHarness() {
        this(true, false);
    }

    public TlsHarness(boolean sawSyn, boolean keepApplicationData) {
        this(sawSyn, keepApplicationData, null);
    }

    /** A connection whose protected records {@code decryptors} (null: none) opens. */
    public TlsHarness(boolean sawSyn, boolean keepApplicationData, DecryptorFactory decryptors) {
        super(keepApplicationData);
        this.tcp = new TcpConnection(1, CLIENT, SERVER, 1, 0, sawSyn);
        this.tls = new TlsConnection(tcp, this, decryptors == null ? null : decryptors.forConnection(tcp));
    }

    public TlsHarness send(Direction d, Slice bytes) {
        frame++;
        Endpoint src = d == Direction.CLIENT_TO_SERVER ? CLIENT : SERVER;
        Endpoint dst = d == Direction.CLIENT_TO_SERVER ? SERVER : CLIENT;
        Frame f = new Frame(frame, frame * 1_000_000L, 0, bytes, bytes.length(), 0);
        tls.onData(d, bytes, new TcpSegment(f, src, dst, 0, 0, TcpSegment.ACK, 0, bytes, bytes.length(), List.of()));
        return this;
    }

    public TlsHarness client(Slice bytes) {
        return send(Direction.CLIENT_TO_SERVER, bytes);
    }

    public TlsHarness server(Slice bytes) {
        return send(Direction.SERVER_TO_CLIENT, bytes);
    }

    public TlsHarness gap(Direction d, long missing) {
        tls.onGap(d, missing, ++frame);
        return this;
    }

    public ConnectionReport end() {
        tls.onEnd(StreamHandler.EndReason.FIN, ++frame);
        return report;
    }

    public boolean isTls() {
        return tls.isTls();
    }

    public List<String> messageTypes() {
        return messages(report);
    }

    @Override
    public void onConnectionEnd(ConnectionReport r) {
        super.onConnectionEnd(r);
        report = r;
    }

    /** A record: content type, version, fragment. */
    public static Slice record(int type, int version, Slice fragment) {
        byte[] b = new byte[5 + fragment.length()];
        b[0] = (byte) type;
        b[1] = (byte) (version >> 8);
        b[2] = (byte) version;
        b[3] = (byte) (fragment.length() >> 8);
        b[4] = (byte) fragment.length();
        fragment.copyTo(b, 5);
        return Slice.of(b);
    }

    public static Slice concat(Slice... parts) {
        int n = 0;
        for (Slice p : parts) {
            n += p.length();
        }
        byte[] b = new byte[n];
        int at = 0;
        for (Slice p : parts) {
            p.copyTo(b, at);
            at += p.length();
        }
        return Slice.of(b);
    }

    public static Slice filler(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i * 7);
        }
        return Slice.of(b);
    }
}
