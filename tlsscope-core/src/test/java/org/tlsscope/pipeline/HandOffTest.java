package org.tlsscope.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.testing.RecordingListener;

/**
 * A view that reads no records has the analysis stage and itself run on a second thread once a capture holds
 * more connections than a batch: it sees what a view reading every record sees, in the same order; a failure in
 * one connection's analysis costs that connection's report only; an error of the view reaches the caller.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HandOffTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/openssl/tls12-ecdhe-rsa-aes128-gcm-sni-alpn.pcap");
    /** Copies of the fixture's one connection: more than a batch (64), so the second thread starts. */
    private static final int COPIES = 150;

    @Test
    void manyConnectionsReachTheViewFromTheSecondThreadAsTheyWouldInline() throws IOException {
        byte[] capture = repeated(FIXTURE, COPIES);
        RecordingListener everything = new RecordingListener(false);
        run(capture, everything);
        ReportsOnly reportsOnly = new ReportsOnly();
        run(capture, reportsOnly);

        assertThat(everything.connections).hasSize(COPIES);
        assertThat(reportsOnly.threads).doesNotContain(Thread.currentThread()).isNotEmpty();
        reportsOnly.assertSameAs(everything);
    }

    @Test
    void aCaptureOfFewConnectionsStaysOnTheCallersThread() throws IOException {
        ReportsOnly reportsOnly = new ReportsOnly();
        run(Files.readAllBytes(FIXTURE), reportsOnly);

        assertThat(reportsOnly.connections).hasSize(1);
        assertThat(reportsOnly.threads).containsExactly(Thread.currentThread());
    }

    @Test
    void aFailureInOneConnectionsAnalysisCostsThatConnectionOnly() throws IOException {
        ReportsOnly faulty = new ReportsOnly(100, () -> {
            throw new IllegalStateException("simulated fault");
        });
        run(repeated(FIXTURE, COPIES), faulty);

        assertThat(faulty.connections).extracting(r -> r.connection().id()).hasSize(COPIES - 1).doesNotContain(100);
        assertThat(faulty.findings).filteredOn(f -> f.code().equals("tlsscope.internal_error")).singleElement()
                .satisfies(f -> {
                    assertThat(f.connection()).isEqualTo(100);
                    assertThat(f.message()).contains("while analyzing this connection").contains("simulated fault");
                });
        // Where the report would have been: after connection 99's, before connection 101's.
        assertThat(faulty.events.indexOf("tlsscope.internal_error 100"))
                .isGreaterThan(faulty.events.indexOf("report 99")).isLessThan(faulty.events.indexOf("report 101"));
    }

    @Test
    void anErrorOfTheViewOnTheSecondThreadReachesTheCaller() {
        ReportsOnly broken = new ReportsOnly(80, () -> {
            throw new OutOfMemoryError("simulated");
        });
        assertThatThrownBy(() -> run(repeated(FIXTURE, COPIES * 20), broken))
                .isInstanceOf(OutOfMemoryError.class).hasMessage("simulated");
        assertThat(broken.connections).hasSize(79);
    }

    private static void run(byte[] capture, RecordingListener view) throws IOException {
        try (CaptureReader reader = Captures.open(new ByteArrayInputStream(capture))) {
            Analyzer.run(reader, view);
        }
    }

    /**
     * The pcap's packets {@code copies} times over, each copy five minutes after the one before (beyond the
     * TIME-WAIT of the connection it repeats): as many connections, on the same ports, one after the other.
     */
    private static byte[] repeated(Path pcap, int copies) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(in.getInt(0)).as("a little-endian microsecond pcap").isEqualTo(0xa1b2c3d4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(in.array(), 0, 24);
        for (int copy = 0; copy < copies; copy++) {
            ByteBuffer packets = ByteBuffer.wrap(in.array().clone()).order(ByteOrder.LITTLE_ENDIAN);
            for (int at = 24; at < packets.limit(); at += 16 + packets.getInt(at + 8)) {
                packets.putInt(at, packets.getInt(at) + copy * 300);
            }
            out.write(packets.array(), 24, packets.limit() - 24);
        }
        return out.toByteArray();
    }

}
