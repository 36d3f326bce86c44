package org.tlsscope.lab.proxy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.tlsscope.tcp.Direction;

/**
 * One direction of a relayed connection: bytes read from {@code source} are written to {@code sink} at once,
 * and what the sink does not take is held until it does. While anything is held the source is not read
 * (the caller clears OP_READ), so a slow receiver throttles the sender through TCP's own flow control, and
 * at most one read's worth (the relay's buffer size) is ever held per direction.
 *
 * <p>Half-close (RFC 9293 section 3.6): the source's FIN becomes a shutdown of the sink's output once
 * everything before it has been written.
 */
final class Transfer {
    final Direction direction;
    private final SocketChannel source;
    private final SocketChannel sink;
    private ByteBuffer held;
    private boolean sourceEnded;
    private boolean sinkShut;
    private long bytes;

    Transfer(Direction direction, SocketChannel source, SocketChannel sink) {
        this.direction = direction;
        this.source = source;
        this.sink = sink;
    }

    /**
     * Reads what the source has into {@code buffer} (cleared first, flipped after): the count, or -1 at the
     * source's FIN. An exception is the source's failure (a reset).
     */
    int read(ByteBuffer buffer) throws IOException {
        buffer.clear();
        int n = source.read(buffer);
        buffer.flip();
        if (n > 0) {
            bytes += n;
        } else if (n < 0) {
            sourceEnded = true;
        }
        return n;
    }

    /**
     * Writes {@code buffer}'s bytes to the sink; what it does not take is copied and held. Returns the bytes
     * now held. An exception is the sink's failure.
     */
    int forward(ByteBuffer buffer) throws IOException {
        sink.write(buffer);
        if (!buffer.hasRemaining()) {
            return 0;
        }
        held = ByteBuffer.allocate(buffer.remaining());
        held.put(buffer).flip();
        return held.remaining();
    }

    /** Writes what is held, as far as the sink takes it; returns the bytes that left. An exception is the sink's failure. */
    int drain() throws IOException {
        if (held == null) {
            return 0;
        }
        int n = sink.write(held);
        if (!held.hasRemaining()) {
            held = null;
        }
        return n;
    }

    /** After the source's FIN, once nothing is held: shuts the sink's output (our FIN to it). True when it did now. */
    boolean shutIfDue() throws IOException {
        if (!sourceEnded || held != null || sinkShut) {
            return false;
        }
        sink.shutdownOutput();
        sinkShut = true;
        return true;
    }

    boolean wantsRead() {
        return !sourceEnded && held == null;
    }

    boolean wantsWrite() {
        return held != null;
    }

    int held() {
        return held == null ? 0 : held.remaining();
    }

    /** The source sent its FIN and the sink has had it. */
    boolean done() {
        return sinkShut;
    }

    long bytes() {
        return bytes;
    }
}
