package org.tlsscope.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsscope.analysis.Finding;
import org.tlsscope.analysis.Severity;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.connection.TlsListener;

/** A fault inside one connection's dissection costs that connection, never the rest of the capture. */
class AnalyzerIsolationTest {
    @Test
    void aFailureInOneConnectionLeavesTheOthersIntact() throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<ConnectionReport> reports = new ArrayList<>();
        TlsListener faulty = new TlsListener() {
            @Override
            public void onRecord(RecordEvent e) {
                if (e.connection().id() == 1) {
                    throw new IllegalStateException("simulated fault");
                }
            }

            @Override
            public void onFinding(Finding f) {
                findings.add(f);
            }

            @Override
            public void onConnectionEnd(ConnectionReport r) {
                reports.add(r);
            }
        };
        Path capture = Path.of("src/test/resources/fixtures/openssl/tls12-resumption-session-id.pcap");
        try (CaptureReader reader = Captures.open(capture)) {
            Analyzer.run(reader, faulty);
        }
        // The spared connection's own findings (a resumed session) are not errors.
        assertThat(findings).filteredOn(f -> f.severity() == Severity.ERROR).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("tlsscope.internal_error");
            assertThat(f.connection()).isEqualTo(1);
            assertThat(f.message()).contains("simulated fault");
        });
        assertThat(reports).extracting(r -> r.connection().id()).containsExactly(2);
        assertThat(reports.getFirst().established()).isTrue();
    }
}
