package org.tlsscope.tcp;

import org.tlsscope.net.TcpSegment;

/** Told of each new TCP connection; answers with the handler for its streams. */
public interface ConnectionListener {
    StreamHandler onConnection(TcpConnection connection, TcpSegment first);

    /** Problems at the TCP layer (buffer bound hit, overlapping data that disagrees) become findings. */
    default void onTcpProblem(TcpConnection connection, Direction direction, long frame, String code, String message) {
    }
}
