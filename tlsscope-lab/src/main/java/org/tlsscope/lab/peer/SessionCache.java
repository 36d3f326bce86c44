package org.tlsscope.lab.peer;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.tls.TlsSession;

/**
 * The server's sessions by ID, for resumption (RFC 5246 section 7.4.1.2). Bounded: the oldest session
 * goes when a new one would pass the limit. Thread-safe, shared by every connection of a server.
 */
public final class SessionCache {
    private static final HexFormat HEX = HexFormat.of();
    private final Map<String, TlsSession> sessions;

    public SessionCache(int capacity) {
        this.sessions = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TlsSession> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized TlsSession get(byte[] id) {
        TlsSession s = id == null || id.length == 0 ? null : sessions.get(HEX.formatHex(id));
        return s != null && s.isResumable() ? s : null;
    }

    synchronized void put(TlsSession session) {
        if (session != null && session.getSessionID().length > 0 && session.isResumable()) {
            sessions.put(HEX.formatHex(session.getSessionID()), session);
        }
    }
}
