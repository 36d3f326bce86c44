package org.tlsscope.decrypt.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.capture.DecryptionSecrets;
import org.tlsscope.testing.Corpus;

/** Real key logs: the recorded OpenSSL fixtures and every key log of the public corpus. */
class KeyLogFilesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/openssl");
    private static final Pattern LABEL_COUNT = Pattern.compile("(\\d+) ([A-Z_0-9]+)");

    static Stream<Path> fixtureKeyLogs() throws IOException {
        return Files.list(FIXTURES).filter(p -> p.toString().endsWith(".keys")).sorted();
    }

    @ParameterizedTest
    @MethodSource("fixtureKeyLogs")
    void everyOpenSslFixtureLoadsWithoutProblems(Path file) throws IOException {
        KeyLog log = new KeyLog();
        log.load(file);

        assertThat(log.problems()).isEmpty();
        long entries = Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        assertThat(log.size()).isEqualTo(entries);
    }

    /**
     * The corpus key logs, with the label counts that MANIFEST.tsv gives for each ("NSS key log: 1
     * CLIENT_RANDOM, 8 EXPORTER_SECRET; used for ..."), counted there by another tool.
     */
    static Stream<Arguments> corpusKeyLogs() throws IOException {
        return Corpus.manifest().stream().filter(row -> row.contents().startsWith("NSS key log: "))
                .map(row -> Arguments.of(row.path(), row.contents().substring("NSS key log: ".length()).split(";")[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusKeyLogs")
    void everyCorpusKeyLogLoadsWithTheLabelsItsManifestCounts(String relative, String counts) throws IOException {
        Path file = Corpus.file(relative);
        KeyLog log = new KeyLog();
        log.load(file);

        Map<String, Integer> expected = new HashMap<>();
        Matcher m = LABEL_COUNT.matcher(counts);
        while (m.find()) {
            expected.merge(m.group(2), Integer.parseInt(m.group(1)), Integer::sum);
        }
        if (relative.equals("illustrated-dtls/captures/keylog.txt")) {
            // The DTLS illustration names its application secrets CLIENT_TRAFFIC_SECRET and
            // SERVER_TRAFFIC_SECRET, without the RFC 9850 "_0"; Wireshark's key log regex does not know
            // them either. Its handshake secrets still load.
            assertThat(log.problems()).extracting(KeyLogProblem::line, KeyLogProblem::reason).containsExactly(
                    tuple(3, "unknown label \"CLIENT_TRAFFIC_SECRET\""),
                    tuple(4, "unknown label \"SERVER_TRAFFIC_SECRET\""));
            assertThat(log.size()).isEqualTo(2);
            return;
        }
        assertThat(log.problems()).isEmpty();
        assertThat(log.size()).isEqualTo(expected.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void aDecryptionSecretsBlockGivesTheSameSecretsAsTheKeyLogExtractedFromIt() throws IOException {
        Path capture = Corpus.file("ja4/http2-with-cookies.pcapng");
        Path extracted = Corpus.file("ja4/http2-with-cookies.dsb.keys");
        KeyLog fromBlocks = new KeyLog();
        try (CaptureReader reader = Captures.open(capture)) {
            while (reader.next() != null) {
                // Blocks are gathered as the capture is read.
            }
            int n = 0;
            for (DecryptionSecrets dsb : reader.decryptionSecrets()) {
                assertThat(dsb.secretsType()).isEqualTo(DecryptionSecrets.TLS_KEY_LOG);
                fromBlocks.add(capture.getFileName() + " DSB " + ++n, dsb.data().toArray());
            }
        }
        KeyLog fromFile = new KeyLog();
        fromFile.load(extracted);

        assertThat(fromBlocks.problems()).isEmpty();
        assertThat(fromBlocks.size()).isEqualTo(fromFile.size()).isEqualTo(3 + 35 * 5 + 1);

        // Loading both is harmless: the same secrets twice.
        fromBlocks.load(extracted);
        assertThat(fromBlocks.problems()).isEmpty();
        assertThat(fromBlocks.size()).isEqualTo(fromFile.size());
    }
}
