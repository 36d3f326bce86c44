package org.tlsscope.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tlsscope.analysis.Finding;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.testing.RecordingListener;

/**
 * A view that reads no records nor fields, as the summary: it keeps what it gets, the order of its findings and
 * reports, and the threads its reports arrived on; and it can fail at one connection's report.
 */
class ReportsOnly extends RecordingListener {
    final Set<Thread> threads = new HashSet<>();
    final List<String> events = new ArrayList<>();
    private final int failAt;
    private final Runnable fault;

    ReportsOnly() {
        this(-1, () -> {
        });
    }

    /** Runs {@code fault} (which throws) instead of taking connection {@code failAt}'s report. */
    ReportsOnly(int failAt, Runnable fault) {
        super(false);
        this.failAt = failAt;
        this.fault = fault;
    }

    @Override
    public boolean wantsRecords() {
        return false;
    }

    @Override
    public boolean wantsFields() {
        return false;
    }

    @Override
    public void onConnectionEnd(ConnectionReport report) {
        if (report.connection().id() == failAt) {
            fault.run();
        }
        threads.add(Thread.currentThread());
        events.add("report " + report.connection().id());
        super.onConnectionEnd(report);
    }

    @Override
    public void onFinding(Finding finding) {
        events.add(finding.code() + " " + finding.connection());
        super.onFinding(finding);
    }
}
