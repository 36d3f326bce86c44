package org.tlsscope.analysis.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsscope.pipeline.Collector;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.testing.TsharkFields;

/**
 * JA3 and JA3S strings and hashes of every recorded openssl session, equal to tshark 4.0's
 * {@code tls.handshake.ja3_full}, {@code ja3}, {@code ja3s_full} and {@code ja3s} of each TCP stream's
 * first ClientHello and first ServerHello (the HelloRetryRequest in tls13-hello-retry-request). The
 * corpus comparison (CorpusDifferentialTest) checks the hashes on every public capture.
 */
class Ja3FixturesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/openssl");

    static Stream<Path> captures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.filter(p -> p.toString().endsWith(".pcap")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void equalsTsharks(Path capture) throws IOException {
        Map<String, String[]> theirs = new LinkedHashMap<>();
        for (List<String> row : TsharkFields.fields(capture, "tls.handshake.type == 1 or tls.handshake.type == 2",
                "tcp.stream", "tls.handshake.ja3_full", "tls.handshake.ja3", "tls.handshake.ja3s_full", "tls.handshake.ja3s")) {
            String[] stream = theirs.computeIfAbsent(row.get(0), s -> new String[]{"-", "-", "-", "-"});
            for (int i = 0; i < 4; i++) {
                if (stream[i].equals("-") && !row.get(i + 1).isEmpty()) {
                    stream[i] = row.get(i + 1);
                }
            }
        }
        List<String> expected = theirs.values().stream().map(s -> String.join(" ", s)).toList();
        List<String> ours = new ArrayList<>();
        Collector.analyze(capture).connections.stream()
                .sorted(Comparator.comparingInt(c -> c.connection().id()))
                .forEach(c -> ours.add(line(c)));
        assertThat(expected).as("tshark fingerprinted the hellos").isNotEmpty();
        assertThat(ours).isEqualTo(expected);
    }

    private static String line(ConnectionReport c) {
        Ja3 ja3 = Ja3.of(c.clientHello());
        // tls12-handshake-failure-no-shared-cipher: the server answers with an alert, no ServerHello.
        Ja3s ja3s = c.serverHello() == null ? new Ja3s("-", "-") : Ja3s.of(c.serverHello());
        return String.join(" ", ja3.full(), ja3.hash(), ja3s.full(), ja3s.hash());
    }
}
