package org.tlsscope.tcp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports of connections that closed (FIN both ways, or RST) within the last 2 MSL, the TIME-WAIT of
 * RFC 9293 section 3.6. Segments still in flight when a connection closed (a retransmission whose ACK
 * was lost, data racing a RST) are stragglers of the old connection, not the middle of a new one, and
 * are dropped here instead of opening a ghost connection. Only the key and the close time are kept, for
 * a bounded number of connections.
 */
final class TimeWait {
    /** The Maximum Segment Lifetime: two minutes (RFC 9293 section 3.4.2). */
    static final long MSL_NANOS = 2 * 60 * 1_000_000_000L;
    private static final long LINGER_NANOS = 2 * MSL_NANOS;

    private final LinkedHashMap<ConnectionKey, Long> closedAt;

    TimeWait(int capacity) {
        this.closedAt = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ConnectionKey, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    void closed(ConnectionKey key, long nanos) {
        closedAt.remove(key);
        closedAt.put(key, nanos);
    }

    /** Whether a segment on these ports at this time belongs to a connection that already closed. */
    boolean holds(ConnectionKey key, long nanos) {
        Long at = closedAt.get(key);
        if (at == null) {
            return false;
        }
        if (nanos - at > LINGER_NANOS) {
            closedAt.remove(key);
            return false;
        }
        return true;
    }

    /** A new connection (its SYN) took the ports over. */
    void reopened(ConnectionKey key) {
        closedAt.remove(key);
    }
}
