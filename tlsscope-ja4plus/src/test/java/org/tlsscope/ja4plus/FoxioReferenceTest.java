package org.tlsscope.ja4plus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsscope.analysis.fingerprint.Ja4;
import org.tlsscope.pipeline.Collector;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.testing.Corpus;

/**
 * JA4, JA4S and JA4X of connections in the corpus's ja4/ captures, equal to FoxIO's reference outputs as
 * copied, with their sources, into foxio-expected.tsv; the one deliberate difference (non-ASCII ALPN,
 * where tlsscope follows JA4.md and FoxIO's code does not) is listed there and checked to be only that.
 */
class FoxioReferenceTest {
    private static final Map<String, Collector> ANALYSES = new HashMap<>();

    record Expected(String capture, String client, String ja4, String ja4s, String ja4x, String referenceDiffers) {
        @Override
        public String toString() {
            return capture + " " + client;
        }
    }

    static List<Expected> expected() throws IOException {
        try (InputStream in = FoxioReferenceTest.class.getResourceAsStream("/foxio-expected.tsv")) {
            String text = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
            List<Expected> rows = new ArrayList<>();
            for (String line : text.lines().toList()) {
                if (line.startsWith("#") || line.startsWith("capture\t") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.add(new Expected(f[0], f[1], f[2], f[3], f[4], f[5]));
            }
            return rows;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expected")
    void matchesTheReference(Expected e) throws IOException {
        Collector analysis = ANALYSES.computeIfAbsent(e.capture(), FoxioReferenceTest::analyze);
        ConnectionReport r = analysis.connections.stream()
                .filter(c -> c.connection().client().toString().equals(e.client()))
                .findFirst().orElseThrow(() -> new AssertionError("no connection from " + e.client()));

        assertThat(Ja4.of(r.clientHello()).fingerprint()).as("JA4").isEqualTo(e.ja4());
        if (!e.ja4s().equals("*")) {
            assertThat(Ja4s.of(r.serverHello()).fingerprint()).as("JA4S").isEqualTo(e.ja4s());
        }
        if (!e.ja4x().equals("*")) {
            String ours = r.serverCertificates().stream().map(der -> Ja4x.of(der).fingerprint())
                    .collect(Collectors.joining(" "));
            assertThat(ours.isEmpty() ? "-" : ours).as("JA4X of the server's chain").isEqualTo(e.ja4x());
        }
        if (!e.referenceDiffers().equals("-")) {
            // The reference writes "99" where JA4.md's hex rule gives the ALPN characters; nothing else differs.
            assertThat(e.referenceDiffers().substring(0, 8) + e.referenceDiffers().substring(10))
                    .isEqualTo(e.ja4().substring(0, 8) + e.ja4().substring(10));
            assertThat(e.referenceDiffers().substring(8, 10)).isEqualTo("99");
        }
    }

    private static Collector analyze(String capture) {
        try {
            return Collector.analyze(Corpus.file("ja4/" + capture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
