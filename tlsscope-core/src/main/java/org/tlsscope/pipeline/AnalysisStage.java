package org.tlsscope.pipeline;

import java.util.List;
import org.tlsscope.analysis.Finding;
import org.tlsscope.analysis.finding.ConnectionFindings;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.ForwardingListener;
import org.tlsscope.tls.connection.TlsListener;

/**
 * The analysis stage between the TLS layer and the views: when a connection ends, its report is judged
 * (weak choices, violations, the certificate chain), the findings go out as findings, and the view
 * receives the report with them added. Everything else passes through.
 */
final class AnalysisStage extends ForwardingListener {
    AnalysisStage(TlsListener view) {
        super(view);
    }

    @Override
    public void onConnectionEnd(ConnectionReport report) {
        List<Finding> findings = ConnectionFindings.of(report);
        for (Finding f : findings) {
            next.onFinding(f);
        }
        next.onConnectionEnd(report.withFindings(findings));
    }
}
