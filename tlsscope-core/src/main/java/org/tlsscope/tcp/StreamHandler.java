package org.tlsscope.tcp;

import org.tlsscope.bytes.Slice;
import org.tlsscope.net.TcpSegment;

/**
 * Receives one TCP connection's byte streams, in sequence order, from the reassembler. One handler per
 * connection, created by {@link ConnectionListener#onConnection}.
 */
public interface StreamHandler {
    /**
     * The next in-order bytes of one direction. {@code segment} is the segment that delivered their
     * last byte (its frame number is what a record completed here is attributed to). The slice is valid
     * only during the call: a handler that needs bytes later copies them.
     */
    void onData(Direction direction, Slice data, TcpSegment segment);

    /**
     * Bytes of one direction that were never captured: {@code missing} bytes are skipped and the stream
     * continues after them. {@code frame} is the frame at which the reassembler gave up waiting.
     */
    void onGap(Direction direction, long missing, long frame);

    /** The connection is over: FIN both ways, RST, replaced by a new SYN on the same ports, or capture end. */
    void onEnd(EndReason reason, long frame);

    enum EndReason {
        FIN, RST, PORT_REUSED, EVICTED, CAPTURE_END
    }
}
