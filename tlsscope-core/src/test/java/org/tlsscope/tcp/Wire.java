package org.tlsscope.tcp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.tlsscope.bytes.Slice;
import org.tlsscope.capture.Frame;
import org.tlsscope.net.Endpoint;
import org.tlsscope.net.IpAddress;
import org.tlsscope.net.TcpSegment;

/** Makes TCP segments as the IP layer would hand them over: in numbered frames, one millisecond apart. */
final class Wire {
    static final Endpoint CLIENT = new Endpoint(IpAddress.v4(0xc0a80102), 51234); // 192.168.1.2
    static final Endpoint SERVER = new Endpoint(IpAddress.v4(0x5db8d822), 443); // 93.184.216.34
    static final int ACK = TcpSegment.ACK;
    static final int PSH_ACK = TcpSegment.PSH | TcpSegment.ACK;
    private static final long SEQ_MASK = 0xffffffffL;
    /** Ethernet + IPv4 + TCP headers in front of the payload, for the frame's on-the-wire length. */
    private static final int HEADERS = 14 + 20 + 20;

    private long frames;
    private long nanos = 1_700_000_000_000_000_000L;

    TcpSegment send(Endpoint src, Endpoint dst, long seq, long ack, int flags, byte[] payload) {
        return truncated(src, dst, seq, ack, flags, payload, payload.length);
    }

    TcpSegment send(Endpoint src, Endpoint dst, long seq, long ack, int flags) {
        return send(src, dst, seq, ack, flags, new byte[0]);
    }

    /** A segment of which the capture kept only {@code captured}, {@code wireLength} bytes on the wire. */
    TcpSegment truncated(Endpoint src, Endpoint dst, long seq, long ack, int flags, byte[] captured, int wireLength) {
        frames++;
        nanos += 1_000_000;
        Frame frame = new Frame(frames, nanos, 1, Slice.of(captured), HEADERS + wireLength, 0);
        return new TcpSegment(frame, src, dst, seq & SEQ_MASK, ack & SEQ_MASK, flags, 65535, Slice.of(captured),
                wireLength, List.of());
    }

    void pause(Duration d) {
        nanos += d.toNanos();
    }

    /** Capture time of the last segment sent. */
    long nanos() {
        return nanos;
    }

    long lastFrame() {
        return frames;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
