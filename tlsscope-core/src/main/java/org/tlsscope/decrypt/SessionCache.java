package org.tlsscope.decrypt;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tlsscope.bytes.Slice;

/**
 * Master secrets learned from earlier connections of the capture, by session id and by session ticket, so
 * that a TLS 1.2 (or older) connection resuming one of them can be opened without a key of its own
 * (RFC 5246 section 7.3 abbreviated handshake, RFC 5077 section 3.1). Bounded: the oldest entries go first.
 */
final class SessionCache {
    static final int MAX_ENTRIES = 20_000;

    /** A resumable session: its master secret and the connection that established it. */
    record Session(byte[] masterSecret, int connection) {
    }

    private final Map<String, Session> byId = lru();
    private final Map<String, Session> byTicket = lru();

    private static Map<String, Session> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }

    void rememberSessionId(Slice sessionId, Session session) {
        if (!sessionId.isEmpty()) {
            byId.put(sessionId.hex(), session);
        }
    }

    void rememberTicket(Slice ticket, Session session) {
        if (!ticket.isEmpty()) {
            byTicket.put(ticket.hex(), session);
        }
    }

    Session bySessionId(Slice sessionId) {
        return sessionId.isEmpty() ? null : byId.get(sessionId.hex());
    }

    Session byTicket(Slice ticket) {
        return ticket == null || ticket.isEmpty() ? null : byTicket.get(ticket.hex());
    }
}
