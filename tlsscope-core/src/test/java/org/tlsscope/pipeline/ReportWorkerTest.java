package org.tlsscope.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsscope.analysis.CaptureStats;
import org.tlsscope.analysis.Finding;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.TlsListener;

/** A view that wants no records is served on the report thread, in the order a same-thread view sees. */
class ReportWorkerTest {
    private static final Path CAPTURE = Path.of("src/test/resources/fixtures/openssl/tls12-resumption-session-id.pcap");

    /** Writes down what reaches it, as lines, and on which thread. */
    private static class Log implements TlsListener {
        final boolean records;
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final List<String> threads = Collections.synchronizedList(new ArrayList<>());

        Log(boolean records) {
            this.records = records;
        }

        @Override
        public void onFinding(Finding f) {
            add("finding " + f.connection() + " " + f.code());
        }

        @Override
        public void onConnectionEnd(ConnectionReport r) {
            add("end " + r.connection().id() + " " + r.findings().size() + " findings, established " + r.established());
        }

        @Override
        public void onCaptureEnd(CaptureStats stats) {
            add("capture end " + stats.tlsConnections());
        }

        @Override
        public boolean wantsRecords() {
            return records;
        }

        private void add(String event) {
            events.add(event);
            threads.add(Thread.currentThread().getName());
        }
    }

    private static void analyze(TlsListener view) throws IOException {
        try (CaptureReader reader = Captures.open(CAPTURE)) {
            Analyzer.run(reader, view);
        }
    }

    @Test
    void reportsArriveOnTheirOwnThreadInTheSameOrder() throws IOException {
        Log inline = new Log(true);
        Log worker = new Log(false);
        analyze(inline);
        analyze(worker);

        assertThat(inline.events).hasSizeGreaterThan(3).last().asString().startsWith("capture end");
        assertThat(worker.events).containsExactlyElementsOf(inline.events);
        assertThat(inline.threads).containsOnly(Thread.currentThread().getName());
        assertThat(worker.threads).containsOnly("tlsscope-reports");
    }

    @Test
    void aFailureOnTheReportThreadReachesTheCaller() {
        Log failing = new Log(false) {
            @Override
            public void onConnectionEnd(ConnectionReport r) {
                throw new IllegalStateException("view failed on connection " + r.connection().id());
            }
        };
        assertThatThrownBy(() -> analyze(failing)).isInstanceOf(IllegalStateException.class)
                .hasMessage("view failed on connection 1");
    }
}
