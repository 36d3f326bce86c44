package org.tlsscope.pipeline;

import java.util.List;
import org.tlsscope.analysis.CaptureStats;
import org.tlsscope.analysis.Finding;
import org.tlsscope.analysis.finding.ConnectionFindings;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.connection.TlsListener;

/**
 * The analysis stage between the TLS layer and the views: when a connection ends, its report is judged
 * (weak choices, violations), the findings go out as findings, and the view receives the report with
 * them added. Everything else passes through.
 */
final class AnalysisStage implements TlsListener {
    private final TlsListener view;

    AnalysisStage(TlsListener view) {
        this.view = view;
    }

    @Override
    public void onRecord(RecordEvent event) {
        view.onRecord(event);
    }

    @Override
    public void onFinding(Finding finding) {
        view.onFinding(finding);
    }

    @Override
    public void onConnectionEnd(ConnectionReport report) {
        List<Finding> findings = ConnectionFindings.of(report);
        findings.forEach(view::onFinding);
        view.onConnectionEnd(report.withFindings(findings));
    }

    @Override
    public void onCaptureEnd(CaptureStats stats) {
        view.onCaptureEnd(stats);
    }

    @Override
    public boolean wantsFields() {
        return view.wantsFields();
    }

    @Override
    public boolean wantsApplicationData() {
        return view.wantsApplicationData();
    }
}
