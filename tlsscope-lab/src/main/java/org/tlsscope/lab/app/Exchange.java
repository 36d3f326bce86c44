package org.tlsscope.lab.app;

import java.io.ByteArrayOutputStream;
import org.tlsscope.lab.engine.Application;
import org.tlsscope.lab.engine.TlsChannel;

/**
 * The client's application for one exchange: sends {@code request} once the handshake is done, collects
 * the reply, and closes when the server closes (or, with {@code closeAfter} bytes received, itself).
 * With {@code updateKeys}, the first reply is followed by a TLS 1.3 KeyUpdate that asks the server to
 * update its keys too (RFC 8446 section 4.6.3), and by the request again, under the new keys.
 */
public final class Exchange implements Application {
    private final byte[] request;
    private final long closeAfter;
    private final boolean updateKeys;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private TlsChannel channel;
    private boolean updated;
    private volatile boolean open;
    private volatile boolean done;
    private volatile String failure;

    /** {@code closeAfter}: close once this many bytes came back; negative: wait for the server to close. */
    public Exchange(byte[] request, long closeAfter) {
        this(request, closeAfter, false);
    }

    public Exchange(byte[] request, long closeAfter, boolean updateKeys) {
        this.request = request;
        this.closeAfter = closeAfter;
        this.updateKeys = updateKeys;
    }

    @Override
    public void onOpen(TlsChannel channel) {
        this.channel = channel;
        open = true;
        if (request.length > 0) {
            channel.write(request);
        } else if (closeAfter == 0) {
            channel.close();
        }
    }

    @Override
    public void onData(TlsChannel channel, byte[] data) {
        received.writeBytes(data);
        if (updateKeys && !updated) {
            updated = true;
            if (channel.updateKeys(true)) {
                channel.write(request);
            } else {
                channel.log("KeyUpdate not sent: TLS 1.3 only, on a connection still open");
            }
        }
        if (closeAfter >= 0 && received.size() >= closeAfter) {
            channel.close();
        }
    }

    @Override
    public void onClosed(TlsChannel channel, String reason) {
        failure = reason;
        done = true;
    }

    /** Closes with close_notify now (on the loop's thread); before the handshake ends, there is nothing to close. */
    public void close() {
        if (channel != null) {
            channel.close();
        } else {
            done = true;
            failure = "no TLS connection to close";
        }
    }

    /** The handshake completed (the exchange may have ended since). */
    public boolean opened() {
        return open;
    }

    public boolean done() {
        return done;
    }

    /** Null after a clean close. */
    public String failure() {
        return failure;
    }

    public byte[] received() {
        return received.toByteArray();
    }
}
