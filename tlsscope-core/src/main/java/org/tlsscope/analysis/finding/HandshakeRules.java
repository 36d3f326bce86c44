package org.tlsscope.analysis.finding;

import java.util.Map;
import org.tlsscope.analysis.Severity;
import org.tlsscope.tls.connection.ConnectionReport;

/** The handshake as a sequence: messages in an order the state machine forbids, and handshakes never finished. */
final class HandshakeRules {
    /**
     * Where each message may stand in its sender's flight, earliest first (RFC 5246 section 7.3, RFC 8446
     * section 2 and 4.4.1): a message ranked lower than one its sender already sent in the same handshake
     * is out of order. Messages missing from a map are not ranked (post-handshake, unknown).
     */
    private static final Map<String, Integer> CLIENT_12 = Map.of("client_hello", 0, "certificate", 1,
            "client_key_exchange", 2, "certificate_verify", 3, "change_cipher_spec", 4, "finished", 5);
    private static final Map<String, Integer> SERVER_12 = Map.of("server_hello", 0, "certificate", 1,
            "certificate_status", 2, "server_key_exchange", 3, "certificate_request", 4, "server_hello_done", 5,
            "new_session_ticket", 6, "change_cipher_spec", 7, "finished", 8);
    private static final Map<String, Integer> CLIENT_13 = Map.of("client_hello", 0, "end_of_early_data", 1,
            "certificate", 2, "certificate_verify", 3, "finished", 4);
    private static final Map<String, Integer> SERVER_13 = Map.of("hello_retry_request", 0, "server_hello", 0,
            "encrypted_extensions", 1, "certificate_request", 2, "certificate", 3, "certificate_verify", 4, "finished", 5);

    private HandshakeRules() {
    }

    static void check(Checked c) {
        order(c);
        ConnectionReport r = c.report;
        if (r.clientHello() != null && !r.established()) {
            boolean fatal = r.alerts().stream().anyMatch(a -> a.level() != null && a.level() == 2);
            c.add("handshake.incomplete", Severity.WARNING, r.lastFrame(), "the handshake never completed"
                    + (fatal ? " (a fatal alert ended it)" : r.serverHello() == null ? " (no ServerHello seen)"
                    : " (no Finished from " + (r.messages().stream().anyMatch(m -> m.from().equals("server") && m.type().equals("finished"))
                    ? "the client" : "the server") + " seen)"), "RFC 8446 section 4.4.4, RFC 5246 section 7.4.9");
        }
    }

    private static void order(Checked c) {
        boolean tls13 = !c.beforeTls13() && c.report.version() != 0;
        int clientRank = -1;
        int serverRank = -1;
        boolean clientDone = false;
        boolean serverDone = false;
        for (ConnectionReport.MessageSeen m : c.report.messages()) {
            boolean client = m.from().equals("client");
            if (m.type().equals("client_hello") || m.type().equals("hello_request")) {
                // A new handshake (renegotiation, or the ClientHello answering a HelloRetryRequest) starts over.
                clientRank = -1;
                serverRank = -1;
                clientDone = false;
                serverDone = false;
            } else if (tls13 && m.type().equals("server_hello")) {
                serverRank = -1;
            }
            if (client ? clientDone : serverDone) {
                continue;
            }
            if (tls13 && m.type().equals("change_cipher_spec")) {
                continue; // RFC 8446 appendix D.4: a compatibility no-op, anywhere in the flight
            }
            Integer rank = (client ? tls13 ? CLIENT_13 : CLIENT_12 : tls13 ? SERVER_13 : SERVER_12).get(m.type());
            if (rank == null) {
                continue;
            }
            int previous = client ? clientRank : serverRank;
            if (rank < previous) {
                c.add("violation.message_order", Severity.WARNING, m.frame(), m.from() + " sent " + m.type()
                        + " after a message that must follow it (a peer would send unexpected_message)",
                        tls13 ? "RFC 8446 section 4.4.1" : "RFC 5246 section 7.3");
                return;
            }
            if (client) {
                clientRank = rank;
                clientDone = m.type().equals("finished");
            } else {
                serverRank = rank;
                serverDone = m.type().equals("finished");
            }
        }
    }
}
