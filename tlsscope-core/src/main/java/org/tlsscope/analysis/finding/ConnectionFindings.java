package org.tlsscope.analysis.finding;

import java.util.List;
import org.tlsscope.analysis.Finding;
import org.tlsscope.analysis.cert.CertificateFindings;
import org.tlsscope.tls.connection.ConnectionReport;

/**
 * The analysis of a finished connection's choices: weak or obsolete protocol use, weak suites and groups,
 * violations of the handshake rules, and the server's certificate chain. Read from the report alone, after the TLS layer's own findings about
 * the bytes (malformed structures, gaps, oversize records).
 */
public final class ConnectionFindings {
    private ConnectionFindings() {
    }

    public static List<Finding> of(ConnectionReport report) {
        Checked c = new Checked(report);
        ProtocolRules.check(c);
        SuiteRules.check(c);
        ViolationRules.check(c);
        HandshakeRules.check(c);
        c.findings.addAll(CertificateFindings.of(report));
        return List.copyOf(c.findings);
    }
}
