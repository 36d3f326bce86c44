package org.tlsscope.tcp;

import java.time.Duration;

/**
 * The bounds that keep reassembly memory proportional to the open connections, never to the capture.
 *
 * @param maxBufferedBytes    memory held per direction for out-of-order data (the copied bytes and the
 *                            frames they came in); past it the first hole is declared lost (finding
 *                            {@code tcp.buffer_limit}) rather than waiting for it
 * @param maxBufferedSegments out-of-order pieces held per direction, so that segments whose payload the
 *                            snaplen cut away entirely (zero bytes held each) cannot pile up either
 * @param maxHoleAgeSegments  later segments of a direction a hole may stay open across before it is
 *                            declared lost; large enough to outlast a fast retransmit (RFC 5681 section
 *                            3.2) behind a full congestion window
 * @param maxConnections      open connections; past it the least recently active one ends (EVICTED)
 * @param idleTimeout         capture time after which a silent connection ends (EVICTED)
 */
public record TcpLimits(long maxBufferedBytes, int maxBufferedSegments, int maxHoleAgeSegments, int maxConnections,
                        Duration idleTimeout) {
    public static final TcpLimits DEFAULT = new TcpLimits(4L << 20, 8192, 2048, 100_000, Duration.ofHours(1));

    public TcpLimits {
        if (maxBufferedBytes < 0 || maxBufferedSegments < 1 || maxHoleAgeSegments < 1 || maxConnections < 1
                || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("TCP limits must be positive: " + maxBufferedBytes + " bytes, "
                    + maxBufferedSegments + " segments, hole age " + maxHoleAgeSegments + ", "
                    + maxConnections + " connections, idle " + idleTimeout);
        }
    }

    public TcpLimits withMaxBufferedBytes(long bytes) {
        return new TcpLimits(bytes, maxBufferedSegments, maxHoleAgeSegments, maxConnections, idleTimeout);
    }

    public TcpLimits withMaxBufferedSegments(int segments) {
        return new TcpLimits(maxBufferedBytes, segments, maxHoleAgeSegments, maxConnections, idleTimeout);
    }

    public TcpLimits withMaxHoleAgeSegments(int segments) {
        return new TcpLimits(maxBufferedBytes, maxBufferedSegments, segments, maxConnections, idleTimeout);
    }

    public TcpLimits withMaxConnections(int connections) {
        return new TcpLimits(maxBufferedBytes, maxBufferedSegments, maxHoleAgeSegments, connections, idleTimeout);
    }

    public TcpLimits withIdleTimeout(Duration timeout) {
        return new TcpLimits(maxBufferedBytes, maxBufferedSegments, maxHoleAgeSegments, maxConnections, timeout);
    }
}
