package org.tlsscope.decrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.decrypt.keys.KeyFileException;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.testing.Corpus;
import org.tlsscope.testing.Tshark;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.TlsListener;

/**
 * Every keyed capture of the public corpus (MANIFEST.tsv's decrypt_with: key logs, RSA keys, Decryption
 * Secrets Blocks), decrypted by tlsscope and by tshark 4.0 with the same keys: the decrypted application
 * streams must be the same bytes. Streams are compared as a multiset of per-direction byte strings, since
 * tshark's Follow output does not name its second node.
 *
 * <p>Captures where the two differ for a reviewed reason are listed in
 * {@code corpus-decryption-divergences.tsv}; a listed capture that no longer differs fails too.
 */
class CorpusDecryptionTest {
    private static Map<String, String> accepted;
    /** tshark start-up dominates: it runs ahead, two at a time, while tlsscope works. */
    private static final ExecutorService TSHARK = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "tshark");
        thread.setDaemon(true);
        return thread;
    });
    private static final Map<String, CompletableFuture<List<List<String>>>> REFERENCES = new HashMap<>();

    /** A keyed capture and its keys, paths relative to the corpus root. */
    record Keyed(String path, List<String> keyLogs, List<String> rsaKeys, String decodeAs) {
        @Override
        public String toString() {
            return path;
        }
    }

    @BeforeAll
    static void loadDivergences() throws IOException {
        accepted = new LinkedHashMap<>();
        try (InputStream in = CorpusDecryptionTest.class.getResourceAsStream("/corpus-decryption-divergences.tsv")) {
            for (String line : new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 2 || f[1].isBlank()) {
                    throw new IllegalStateException("corpus-decryption-divergences.tsv: want a capture and a reason: " + line);
                }
                accepted.put(f[0], f[1]);
            }
        }
    }

    static List<Keyed> captures() throws IOException {
        List<Keyed> keyed = Corpus.manifest().stream()
                .filter(row -> row.isCapture() && !row.decryptWith().equals("none"))
                .map(row -> new Keyed(row.path(), row.keys("keylog"), row.keys("rsa"), row.decodeAs())).toList();
        if (Tshark.available()) {
            for (Keyed k : keyed) {
                REFERENCES.put(k.path(), CompletableFuture.supplyAsync(() -> reference(k), TSHARK));
            }
        }
        return keyed;
    }

    @AfterAll
    static void stopTshark() {
        TSHARK.shutdownNow();
    }

    /**
     * How many stream numbers to ask tshark to follow: twice the TCP connections tlsscope counts, and a few
     * more, since the two number streams alike but not always identically (port reuse, SYN-less streams).
     */
    private static int streamBound(Path capture) throws IOException {
        try (CaptureReader reader = Captures.open(capture)) {
            return Analyzer.run(reader, new TlsListener() { }).tcpConnections() * 2 + 4;
        }
    }

    /** tshark's decrypted streams, with the key logs joined into one file (tshark takes one). */
    private static List<List<String>> reference(Keyed k) {
        try {
            List<Path> keyLogs = k.keyLogs().stream().map(Corpus::file).toList();
            Path joined = keyLogs.isEmpty() ? null : Files.createTempFile("keylog", ".txt");
            try {
                if (joined != null) {
                    for (Path p : keyLogs) {
                        Files.write(joined, Files.readAllBytes(p), StandardOpenOption.APPEND);
                        Files.writeString(joined, "\n", StandardOpenOption.APPEND);
                    }
                }
                return Tshark.followTls(Corpus.file(k.path()), joined, k.rsaKeys().stream().map(Corpus::file).toList(),
                        k.decodeAs(), streamBound(Corpus.file(k.path())));
            } finally {
                if (joined != null) {
                    Files.delete(joined);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void decryptsWhatTsharkDecrypts(Keyed k) throws IOException {
        Path capture = Corpus.file(k.path());
        List<Path> keyLogs = k.keyLogs().stream().map(Corpus::file).toList();
        List<Path> rsaKeys = k.rsaKeys().stream().map(Corpus::file).toList();
        DecryptedStreams ours;
        try {
            ours = DecryptedStreams.run(capture, keyLogs, rsaKeys);
        } catch (KeyFileException e) {
            // wireshark-notes' SSL 2.0 session comes with a 384-bit key the JDK refuses to load; neither tool
            // decrypts SSL 2.0, so the comparison goes on without it.
            assertThat(e.getMessage()).contains("refuses RSA keys under 512 bits");
            ours = DecryptedStreams.run(capture, keyLogs, List.of());
        }
        CompletableFuture<List<List<String>>> reference = REFERENCES.get(k.path());
        assumeTrue(reference != null, "tshark not installed");
        List<List<String>> theirs = reference.join();
        List<String> oursStreams = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        for (ConnectionReport c : ours.connections) {
            oursStreams.add(hex.formatHex(ours.clientBytes(c.connection().id())));
            oursStreams.add(hex.formatHex(ours.serverBytes(c.connection().id())));
        }
        List<String> theirStreams = theirs.stream().flatMap(List::stream).toList();
        List<String> a = nonEmptySorted(oursStreams);
        List<String> b = nonEmptySorted(theirStreams);
        String why = accepted.get(k.path());
        if (why == null) {
            assertThat(summary(a)).as("decrypted streams, ours vs tshark's").isEqualTo(summary(b));
            assertThat(a).isEqualTo(b);
        } else {
            assertThat(a).as("listed in corpus-decryption-divergences.tsv (" + why + ") but no longer differs").isNotEqualTo(b);
        }
        // Whatever tshark does, a record that tlsscope's keys do not open is a failure of tlsscope's.
        assertThat(ours.connections).allSatisfy(c -> assertThat(c.decryption() == null ? 0 : c.decryption().recordsFailed())
                .as("records that failed to open in connection %d: %s", c.connection().id(),
                        c.decryption() == null ? "" : c.decryption().reason()).isZero());
    }

    private static List<String> nonEmptySorted(List<String> streams) {
        return streams.stream().filter(s -> !s.isEmpty()).sorted().toList();
    }

    /** Stream lengths in bytes: a readable first look at a difference before the bytes themselves. */
    private static List<Integer> summary(List<String> streams) {
        return streams.stream().map(s -> s.length() / 2).toList();
    }
}
