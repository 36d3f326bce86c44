package org.tlsscope.analysis.finding;

import org.tlsscope.analysis.Severity;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.ext.ExtensionType;
import org.tlsscope.tls.ext.Extensions;
import org.tlsscope.tls.handshake.ClientHello;
import org.tlsscope.tls.handshake.ServerHello;
import org.tlsscope.tls.registry.Registries;

/** Weak or obsolete protocol use: old versions, missing protections, risky features. */
final class ProtocolRules {
    /** RFC 5746 section 3.3: the renegotiation SCSV stands for an empty renegotiation_info. */
    static final int EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff;
    /** RFC 7507 section 4. */
    static final int FALLBACK_SCSV = 0x5600;

    private ProtocolRules() {
    }

    static void check(Checked c) {
        version(c);
        ClientHello ch = c.report.clientHello();
        ServerHello sh = c.report.serverHello();
        if (ch != null && ch.cipherSuites().contains(FALLBACK_SCSV)) {
            c.add("proto.fallback_scsv", Severity.WARNING, c.frameOf("client", "client_hello"),
                    "the ClientHello carries TLS_FALLBACK_SCSV: the client is retrying with a lower version after a failed"
                            + " attempt (a downgrade, deliberate or forced)", "RFC 7507 section 4");
        }
        if (heartbeat(ch) || sh != null && Extensions.has(sh.extensions(), ExtensionType.HEARTBEAT)) {
            c.add("proto.heartbeat", Severity.WARNING, c.frameOf(sh != null ? "server" : "client", sh != null ? "server_hello" : "client_hello"),
                    "the heartbeat extension is " + (sh != null && Extensions.has(sh.extensions(), ExtensionType.HEARTBEAT)
                            ? "negotiated" : "offered") + ": the feature Heartbleed abused, of no use to most applications",
                    "RFC 6520, CVE-2014-0160");
        }
        if (sh == null || !c.beforeTls13()) {
            resumption(c);
            return;
        }
        if (sh.compressionMethod() > 0) {
            c.add("proto.compression", Severity.ERROR, c.serverHelloFrame(), "the server chose "
                    + Registries.COMPRESSION_METHODS.name(sh.compressionMethod()) + " compression: secrets in compressed"
                    + " records leak through their length (CRIME)", "RFC 7457 section 2.6, CVE-2012-4929");
        }
        if (c.report.version() >= 0x0301 && !Extensions.has(sh.extensions(), ExtensionType.EXTENDED_MASTER_SECRET)) {
            c.add("proto.no_extended_master_secret", Severity.WARNING, c.serverHelloFrame(),
                    "no extended master secret: the master secret is not bound to the handshake (triple handshake attack)",
                    "RFC 7627 section 1");
        }
        renegotiation(c, ch, sh);
        resumption(c);
    }

    private static boolean heartbeat(ClientHello ch) {
        return ch != null && Extensions.has(ch.extensions(), ExtensionType.HEARTBEAT);
    }

    private static void version(Checked c) {
        int v = c.report.version();
        String name = Registries.PROTOCOL_VERSIONS.name(v);
        long frame = c.serverHelloFrame();
        switch (v) {
            case 0x0300 -> c.add("proto.sslv3", Severity.ERROR, frame, "SSL 3.0 negotiated: broken (POODLE), prohibited",
                    "RFC 7568, CVE-2014-3566");
            case 0x0301, 0x0302 -> c.add("proto.tls_deprecated", Severity.WARNING, frame, name
                    + " negotiated: deprecated, SHA-1 and MD5 in its PRF and signatures", "RFC 8996");
            default -> {
            }
        }
    }

    /**
     * RFC 5746: a renegotiation must be bound to the connection it renegotiates, which needs
     * renegotiation_info (or the SCSV) from the client and the extension from the server.
     */
    private static void renegotiation(Checked c, ClientHello ch, ServerHello sh) {
        boolean clientSecure = ch != null && (ch.cipherSuites().contains(EMPTY_RENEGOTIATION_INFO_SCSV)
                || Extensions.has(ch.extensions(), ExtensionType.RENEGOTIATION_INFO));
        boolean serverSecure = Extensions.has(sh.extensions(), ExtensionType.RENEGOTIATION_INFO);
        int clientHellos = 0;
        boolean helloRequest = false;
        for (ConnectionReport.MessageSeen m : c.report.messages()) {
            clientHellos += m.type().equals("client_hello") ? 1 : 0;
            helloRequest |= m.type().equals("hello_request");
        }
        boolean renegotiated = clientHellos > 1 || helloRequest;
        if (renegotiated && !(clientSecure && serverSecure)) {
            c.add("proto.renegotiation_insecure", Severity.ERROR, c.frameOf("client", "client_hello"),
                    "renegotiation without renegotiation_info on both sides: a man in the middle can prefix his own"
                            + " session to the client's", "RFC 5746 section 1, CVE-2009-3555");
        } else if (!serverSecure && clientSecure) {
            c.add("proto.renegotiation_info_missing", Severity.WARNING, c.serverHelloFrame(),
                    "the server does not answer renegotiation_info: it does not support secure renegotiation",
                    "RFC 5746 section 4.3");
        }
    }

    private static void resumption(Checked c) {
        if (!c.report.resumed()) {
            return;
        }
        ClientHello ch = c.report.clientHello();
        String how = !c.beforeTls13() ? "a pre-shared key (TLS 1.3 PSK)"
                : ch != null && Extensions.find(ch.extensions(), org.tlsscope.tls.ext.SessionTicket.class)
                        .map(t -> !t.ticket().isEmpty()).orElse(false) ? "a session ticket" : "a session id";
        c.add("proto.resumed", Severity.INFO, c.serverHelloFrame(), "the session is resumed with " + how
                + ": no certificate or key exchange in this handshake", "RFC 5246 section 7.3, RFC 5077, RFC 8446 section 2.2");
    }
}
