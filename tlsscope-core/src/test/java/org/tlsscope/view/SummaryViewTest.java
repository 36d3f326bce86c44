package org.tlsscope.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsscope.analysis.CaptureStats;
import org.tlsscope.pipeline.Collector;
import org.tlsscope.tls.connection.ConnectionReport;

/** The aligned table holds back its first rows only: memory does not grow with the capture. */
class SummaryViewTest {
    private static final Path CAPTURE = Path.of("src/test/resources/fixtures/openssl/tls12-ecdhe-rsa-aes128-gcm-sni-alpn.pcap");

    @Test
    void theTableIsPrintedOnceItsWidthsAreKnownThenRowByRow() throws IOException {
        ConnectionReport report = Collector.analyze(CAPTURE).connections.getFirst();
        StringWriter text = new StringWriter();
        SummaryView view = new SummaryView(new PrintWriter(text, true), false);

        for (int i = 1; i < SummaryView.ALIGNED_ROWS; i++) {
            view.onConnectionEnd(report);
        }
        assertThat(text.toString()).as("rows held until the widths are known").isEmpty();
        view.onConnectionEnd(report);
        assertThat(text.toString().lines()).hasSize(1 + SummaryView.ALIGNED_ROWS);
        view.onConnectionEnd(report);
        assertThat(text.toString().lines()).as("later rows go out as they come").hasSize(2 + SummaryView.ALIGNED_ROWS);
        view.onCaptureEnd(new CaptureStats("pcap", 0, 0, 0, 0, null));

        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(2 + SummaryView.ALIGNED_ROWS);
        assertThat(lines.getFirst()).startsWith("ts ").contains("  sni  ", "  ja4");
        // Aligned: every row's SNI starts where the header's sni column does.
        int sni = lines.getFirst().indexOf("  sni ") + 2;
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l.substring(sni)).startsWith(report.sni() + " "));
    }

    @Test
    void aShortCaptureIsPrintedAtItsEnd() throws IOException {
        ConnectionReport report = Collector.analyze(CAPTURE).connections.getFirst();
        StringWriter text = new StringWriter();
        SummaryView view = new SummaryView(new PrintWriter(text, true), false);
        view.onConnectionEnd(report);
        assertThat(text.toString()).isEmpty();
        view.onCaptureEnd(new CaptureStats("pcap", 0, 0, 0, 0, null));
        assertThat(text.toString().lines()).hasSize(2);
    }
}
