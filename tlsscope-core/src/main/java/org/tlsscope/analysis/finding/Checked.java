package org.tlsscope.analysis.finding;

import java.util.ArrayList;
import java.util.List;
import org.tlsscope.analysis.Finding;
import org.tlsscope.analysis.Severity;
import org.tlsscope.tls.connection.ConnectionReport;

/** One connection under review: its report, and the findings the rules add. */
final class Checked {
    final ConnectionReport report;
    final List<Finding> findings = new ArrayList<>();

    Checked(ConnectionReport report) {
        this.report = report;
    }

    void add(String code, Severity severity, long frame, String message, String reference) {
        findings.add(new Finding(code, severity, report.connection().id(), frame, -1, message, reference));
    }

    /** The frame of the first {@code type} message {@code from} sent, else the connection's first frame. */
    long frameOf(String from, String type) {
        for (ConnectionReport.MessageSeen m : report.messages()) {
            if (m.from().equals(from) && m.type().equals(type)) {
                return m.frame();
            }
        }
        return report.connection().firstFrame();
    }

    long serverHelloFrame() {
        return frameOf("server", report.serverHello() != null && report.serverHello().helloRetryRequest()
                ? "hello_retry_request" : "server_hello");
    }

    /** TLS 1.0 to 1.2 (and SSL 3.0): where the pre-1.3 rules apply. */
    boolean beforeTls13() {
        return report.version() != 0 && report.version() < 0x0304 && (report.version() >> 8) != 0x7f;
    }
}
