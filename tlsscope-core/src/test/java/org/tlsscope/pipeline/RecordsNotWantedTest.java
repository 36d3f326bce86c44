package org.tlsscope.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;

/**
 * A view that reads no records (the summary) gets none built, and loses nothing else: the same findings and
 * the same reports as a view that reads every record with its fields.
 */
class RecordsNotWantedTest {
    static Stream<Path> captures() throws IOException {
        try (Stream<Path> fixtures = Files.list(Path.of("src/test/resources/fixtures/openssl"))) {
            return Stream.concat(Stream.of(PostSessionTest.SAMPLE),
                    fixtures.filter(p -> p.toString().endsWith(".pcap")).sorted().toList().stream());
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void theReportsAndFindingsAreThoseOfAViewThatReadsEveryRecord(Path capture) throws IOException {
        Collector everything = Collector.analyze(capture);
        ReportsOnly reportsOnly = new ReportsOnly();
        try (CaptureReader reader = Captures.open(capture)) {
            Analyzer.run(reader, reportsOnly);
        }

        assertThat(everything.records).isNotEmpty();
        assertThat(reportsOnly.records).isEmpty();
        reportsOnly.assertSameAs(everything);
    }
}
