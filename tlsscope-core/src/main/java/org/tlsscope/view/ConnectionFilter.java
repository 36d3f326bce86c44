package org.tlsscope.view;

import java.util.HashMap;
import java.util.Map;
import org.tlsscope.analysis.Finding;
import org.tlsscope.tcp.TcpConnection;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.ForwardingListener;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.connection.TlsListener;
import org.tlsscope.tls.ext.Extensions;
import org.tlsscope.tls.handshake.ClientHello;
import org.tlsscope.tls.handshake.ParsedMessage;

/**
 * Narrows any view to the connections the user asked for: by number, by server endpoint, by the server
 * name in the ClientHello. A connection's fate under {@code --sni} is decided at its first ClientHello;
 * records before it (there are none in a normal handshake) are not shown.
 */
public final class ConnectionFilter extends ForwardingListener {
    private final Integer connection;
    private final String server;
    private final String sni;
    private final Map<Integer, Boolean> passes = new HashMap<>();
    private final Map<Integer, Boolean> sniDecided = new HashMap<>();

    public ConnectionFilter(TlsListener view, Integer connection, String server, String sni) {
        super(view);
        this.connection = connection;
        this.server = server;
        this.sni = sni;
    }

    private boolean active() {
        return connection != null || server != null || sni != null;
    }

    private boolean endpointsMatch(TcpConnection c) {
        return (connection == null || c.id() == connection) && (server == null || c.server().toString().equals(server));
    }

    @Override
    public void onRecord(RecordEvent e) {
        int id = e.connection().id();
        if (!passes.containsKey(id) || sni != null && !sniDecided.getOrDefault(id, false)) {
            boolean match = endpointsMatch(e.connection());
            if (sni != null) {
                Boolean named = null;
                for (ParsedMessage m : e.messages()) {
                    if (m.message() instanceof ClientHello ch) {
                        named = Extensions.serverName(ch.extensions()).map(sni::equalsIgnoreCase).orElse(false);
                    }
                }
                sniDecided.put(id, named != null);
                match &= Boolean.TRUE.equals(named);
            }
            passes.put(id, match);
        }
        if (passes.get(id)) {
            next.onRecord(e);
        }
    }

    @Override
    public void onFinding(Finding f) {
        // Capture-wide findings always pass; a connection's findings follow its connection.
        if (f.connection() == 0 || !active() || passes.getOrDefault(f.connection(), false)) {
            next.onFinding(f);
        }
    }

    @Override
    public void onConnectionEnd(ConnectionReport r) {
        boolean match = endpointsMatch(r.connection()) && (sni == null || sni.equalsIgnoreCase(r.sni()));
        passes.remove(r.connection().id());
        sniDecided.remove(r.connection().id());
        if (match) {
            next.onConnectionEnd(r);
        }
    }
}
