package org.tlsscope.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import org.tlsscope.analysis.fingerprint.Ja3;
import org.tlsscope.analysis.fingerprint.Ja3s;
import org.tlsscope.bytes.Field;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.record.ContentType;
import org.tlsscope.testing.Corpus;
import org.tlsscope.testing.Tshark;
import org.tlsscope.testing.TsharkConnection;

/**
 * Every capture of the public corpus (shared/corpus/public/MANIFEST.tsv) through the whole pipeline,
 * compared per TCP connection with tshark 4.0: negotiated version, cipher suite, SNI, ALPN, the JA3 and
 * JA3S fingerprints, and the plaintext message sequence (handshake messages, change_cipher_spec and
 * alerts, in wire order).
 *
 * <p>Both sides run without keys: what is compared is what travels in the clear. tshark runs with the
 * manifest's decode-as rule where it needs one to see TLS on an unusual port; tlsscope is never told,
 * and must find TLS there by itself. Connections are paired by their two endpoints, in order where a
 * port pair is reused.
 *
 * <p>Where the two differ because tshark is wrong, or the difference lies outside this comparison, it is
 * listed with its reason in {@code corpus-divergences.tsv}; a listed difference that no longer occurs
 * fails the test as well, so the list stays exact.
 */
class CorpusDifferentialTest {

    /** tshark start-up dominates: it runs ahead, two at a time, while the analyzer works. */
    private static final ExecutorService TSHARK = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "tshark");
        thread.setDaemon(true);
        return thread;
    });
    private static final Map<String, CompletableFuture<Reference>> REFERENCES = new HashMap<>();
    private static Map<String, List<Divergence>> accepted;

    /** A capture row of the manifest: its path and the decode-as rule tshark needs, or null. */
    record Capture(String path, String decodeAs) {
        @Override
        public String toString() {
            return path;
        }
    }

    /** tshark's connections, or why it gave none (it exits non-zero on a damaged capture). */
    record Reference(List<TsharkConnection> connections, String error) {
    }

    /** One field on which the two analyses of a connection disagree. */
    record Difference(String connection, String field, String ours, String tshark) {
        @Override
        public String toString() {
            return connection + "\t" + field + "\t" + ours + "\t" + tshark;
        }
    }

    /** A reviewed difference from corpus-divergences.tsv, with the reason it is accepted. */
    record Divergence(Difference difference, String why) {
        static Map<String, List<Divergence>> load() throws IOException {
            Map<String, List<Divergence>> byCapture = new LinkedHashMap<>();
            try (InputStream in = CorpusDifferentialTest.class.getResourceAsStream("/corpus-divergences.tsv")) {
                String text = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
                for (String line : text.lines().toList()) {
                    if (line.isBlank() || line.startsWith("#") || line.startsWith("capture\t")) {
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    if (f.length != 6 || f[5].isBlank()) {
                        throw new IllegalStateException("corpus-divergences.tsv: want 6 columns and a reason: " + line);
                    }
                    byCapture.computeIfAbsent(f[0], c -> new ArrayList<>())
                            .add(new Divergence(new Difference(f[1], f[2], f[3], f[4]), f[5]));
                }
            }
            return byCapture;
        }
    }

    @BeforeAll
    static void loadDivergences() throws IOException {
        accepted = Divergence.load();
    }

    @AfterAll
    static void stopTshark() {
        TSHARK.shutdownNow();
    }

    /** Every capture row of the manifest (key files have no decrypt_with); tshark starts on each at once. */
    static List<Capture> captures() throws IOException {
        List<Capture> captures = Corpus.manifest().stream().filter(Corpus.Row::isCapture)
                .map(row -> new Capture(row.path(), row.decodeAs())).toList();
        if (Tshark.available()) {
            for (Capture capture : captures) {
                REFERENCES.put(capture.path(), CompletableFuture.supplyAsync(() -> reference(capture), TSHARK));
            }
        }
        return captures;
    }

    private static Reference reference(Capture capture) {
        try {
            return new Reference(Tshark.connections(Corpus.file(capture.path()), null, capture.decodeAs()), null);
        } catch (IOException e) {
            // "tshark exited with 2: <its stderr>": the stderr varies with the machine, the exit status not.
            return new Reference(List.of(), e.getMessage().replaceFirst("(?s):.*", "").strip());
        } catch (IllegalStateException e) {
            return new Reference(List.of(), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void agreesWithTshark(Capture capture) throws IOException {
        // Any exception fails this capture's test: the analysis must read every capture to its end or cut.
        Collector ours = Collector.analyze(Corpus.file(capture.path()));
        assertThat(ours.stats).as("the capture is read to its end (or its cut)").isNotNull();
        if (capture.decodeAs() != null) {
            int port = Integer.parseInt(capture.decodeAs().replaceAll("^tcp\\.port==(\\d+),tls$", "$1"));
            assertThat(ours.connections).as("TLS found on port " + port + " without being told")
                    .anyMatch(c -> c.connection().client().port() == port || c.connection().server().port() == port);
        }
        CompletableFuture<Reference> reference = REFERENCES.get(capture.path());
        if (reference == null) {
            return; // no tshark here: the analysis alone is checked
        }
        List<Difference> differences = compare(ours, reference.join());
        List<Difference> expected = accepted.getOrDefault(capture.path(), List.of()).stream()
                .map(Divergence::difference).toList();
        assertThat(differences).as("differences from tshark not in corpus-divergences.tsv")
                .isSubsetOf(expected);
        assertThat(expected).as("entries of corpus-divergences.tsv that no longer occur")
                .isSubsetOf(differences);
    }

    static List<Difference> compare(Collector ours, Reference reference) {
        List<Difference> differences = new ArrayList<>();
        if (reference.error() != null) {
            differences.add(new Difference("*", "tshark", "-", reference.error()));
        }
        Map<String, List<ConnectionReport>> oursByPair = new LinkedHashMap<>();
        ours.connections.stream().sorted(Comparator.comparingInt(c -> c.connection().id())).forEach(c -> oursByPair
                .computeIfAbsent(pair(c.connection().client().toString(), c.connection().server().toString()),
                        p -> new ArrayList<>()).add(c));
        Map<String, List<TsharkConnection>> theirsByPair = new LinkedHashMap<>();
        for (TsharkConnection c : reference.connections()) {
            theirsByPair.computeIfAbsent(pair(c.client(), c.server()), p -> new ArrayList<>()).add(c);
        }
        theirsByPair.forEach((pair, theirs) -> {
            List<ConnectionReport> mine = oursByPair.getOrDefault(pair, List.of());
            for (int i = 0; i < theirs.size(); i++) {
                TsharkConnection t = theirs.get(i);
                String label = "tcp.stream=" + t.stream();
                if (i < mine.size()) {
                    compare(label, mine.get(i), ours.records, t, differences);
                } else {
                    differences.add(new Difference(label, "connection", "absent", t.client() + " -> " + t.server()));
                }
            }
        });
        oursByPair.forEach((pair, mine) -> {
            int theirs = theirsByPair.getOrDefault(pair, List.of()).size();
            for (ConnectionReport c : mine.subList(Math.min(theirs, mine.size()), mine.size())) {
                differences.add(new Difference("tlsscope#" + c.connection().id(), "connection",
                        c.connection().client() + " -> " + c.connection().server(), "absent"));
            }
        });
        return differences;
    }

    private static void compare(String label, ConnectionReport o, List<RecordEvent> records, TsharkConnection t,
                                List<Difference> differences) {
        if (t.messages().contains("client:client_hello")) {
            field(label, "client", o.connection().client().toString(), t.client(), differences);
        }
        field(label, "version", o.version() == 0 ? null : Tshark.versionName(o.version()), t.version(), differences);
        field(label, "cipher_suite", o.cipherSuite() < 0 ? null : hex(o.cipherSuite()),
                t.cipherSuite() == null ? null : hex(t.cipherSuite()), differences);
        field(label, "sni", o.sni(), t.sni(), differences);
        field(label, "alpn", o.alpn(), t.alpn(), differences);
        field(label, "ja3", o.clientHello() == null ? null : Ja3.of(o.clientHello()).hash(), t.ja3(), differences);
        field(label, "ja3s", o.serverHello() == null ? null : Ja3s.of(o.serverHello()).hash(), t.ja3s(), differences);
        field(label, "messages", String.join(" ", plaintextSequence(o, records)), String.join(" ", t.messages()), differences);
    }

    private static void field(String label, String field, String ours, String tshark, List<Difference> differences) {
        if (!Objects.equals(ours, tshark)) {
            differences.add(new Difference(label, field, Objects.toString(ours, "-"), Objects.toString(tshark, "-")));
        }
    }

    private static String hex(int value) {
        return String.format("0x%04x", value);
    }

    /**
     * Our handshake messages and change_cipher_spec records, with the plaintext alerts (kept apart in the
     * report) put back among them where their records came, as tshark lists them:
     * "server:alert:fatal:handshake_failure".
     */
    static List<String> plaintextSequence(ConnectionReport report, List<RecordEvent> records) {
        List<String> sequence = new ArrayList<>(Collector.messages(report));
        int messagesBefore = 0;
        int inserted = 0;
        for (RecordEvent event : records) {
            if (event.connection() != report.connection()) {
                continue;
            }
            int type = event.record().sslv2() ? ContentType.HANDSHAKE : event.record().header().contentType();
            if (type == ContentType.CHANGE_CIPHER_SPEC) {
                messagesBefore++;
            } else if (type == ContentType.HANDSHAKE && !event.encrypted()) {
                messagesBefore += event.messages().size();
            } else if (type == ContentType.ALERT && !event.encrypted()) {
                sequence.add(Math.min(messagesBefore + inserted++, sequence.size()),
                        event.direction().sender() + ":alert:" + text(event, "level") + ":" + text(event, "description"));
            }
        }
        return sequence;
    }

    private static String text(RecordEvent event, String field) {
        return event.fields().stream().filter(f -> f.name().equals(field)).map(Field::text).findFirst().orElse("?");
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
    }
}
