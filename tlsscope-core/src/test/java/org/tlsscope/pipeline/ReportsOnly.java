package org.tlsscope.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
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

    /** This view got what {@code everything}, a view of every record, got: the same findings and reports, in order. */
    void assertSameAs(RecordingListener everything) {
        assertThat(findings).extracting(ReportsOnly::text)
                .isEqualTo(everything.findings.stream().map(ReportsOnly::text).toList());
        assertThat(connections).extracting(ReportsOnly::summary)
                .isEqualTo(everything.connections.stream().map(ReportsOnly::summary).toList())
                .isNotEmpty();
        assertThat(stats).isEqualTo(everything.stats);
    }

    private static String text(Finding f) {
        return f.connection() + "/" + f.code() + "@" + f.frame() + ": " + f.message();
    }

    private static List<Object> summary(ConnectionReport r) {
        return List.of(r.connection().id(), r.lastFrame(), r.version(), r.cipherSuite(), String.valueOf(r.sni()),
                RecordingListener.messages(r), r.encryptedHandshakeRecords(), r.alerts(), r.resumed(),
                r.established(), r.clientAppBytes(), r.serverAppBytes(), r.findings().size(),
                r.serverCertificates().stream().map(der -> HexFormat.of().formatHex(der.toArray())).toList());
    }
}
