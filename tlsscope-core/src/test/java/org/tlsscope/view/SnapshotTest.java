package org.tlsscope.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.decrypt.Decryption;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.tls.connection.TlsListener;

/**
 * Golden snapshots, one file per fixture capture and view, as FoxIO's ja4 keeps them: any change in
 * what tlsscope prints shows up as a diff of these files, to be reviewed. After an intended change,
 * regenerate them with {@code TLSSCOPE_UPDATE_SNAPSHOTS=1 ./mvnw -pl tlsscope-core test -Dtest=SnapshotTest}.
 */
class SnapshotTest {
    private static final Path SNAPSHOTS = Path.of("src/test/resources/snapshots");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/openssl");
    private static final boolean UPDATE = System.getenv("TLSSCOPE_UPDATE_SNAPSHOTS") != null;

    /** @param keys the key log to decrypt with, or null */
    record Case(String name, Path capture, String view, Path keys) {
        Case(String name, Path capture, String view) {
            this(name, capture, view, null);
        }

        @Override
        public String toString() {
            return name + "." + view;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        Path post = Path.of("../samples/post-session.pcap");
        for (String view : List.of("txt", "explain", "jsonl", "summary")) {
            cases.add(new Case("post-session", post, view));
        }
        try (Stream<Path> files = Files.list(FIXTURES)) {
            files.filter(p -> p.toString().endsWith(".pcap")).sorted().forEach(p -> {
                String name = p.getFileName().toString().replace(".pcap", "");
                cases.add(new Case(name, p, "txt"));
                cases.add(new Case(name, p, "jsonl"));
                Path keys = FIXTURES.resolve(name + ".keys");
                if (Files.exists(keys)) {
                    cases.add(new Case(name + ".decrypted", p, "txt", keys));
                    cases.add(new Case(name + ".decrypted", p, "jsonl", keys));
                }
            });
            // The post's kind of session, and TLS 1.3, decrypted in the post's own view.
            for (String name : List.of("tls10-rsa-aes256-sha-ticket", "tls13-aes128-gcm")) {
                cases.add(new Case(name + ".decrypted", FIXTURES.resolve(name + ".pcap"), "explain", FIXTURES.resolve(name + ".keys")));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputMatchesTheSnapshot(Case c) throws IOException {
        String actual = render(c.capture(), c.keys(), switch (c.view()) {
            case "txt" -> TextView::new;
            case "explain" -> out -> new ExplainView(out, true);
            case "jsonl" -> JsonView::new;
            case "summary" -> out -> new SummaryView(out, false);
            default -> throw new IllegalArgumentException(c.view());
        });
        Path snapshot = SNAPSHOTS.resolve(c.name() + "." + c.view());
        if (UPDATE) {
            Files.createDirectories(SNAPSHOTS);
            Files.writeString(snapshot, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(snapshot).as("snapshot missing: run with TLSSCOPE_UPDATE_SNAPSHOTS=1").exists();
        assertThat(actual).isEqualTo(Files.readString(snapshot, StandardCharsets.UTF_8));
    }

    private static String render(Path capture, Path keys, Function<PrintWriter, TlsListener> view) throws IOException {
        StringWriter text = new StringWriter();
        Decryption decryption = null;
        if (keys != null) {
            KeyLog keyLog = new KeyLog();
            keyLog.load(keys);
            decryption = new Decryption(keyLog, new RsaKeys());
        }
        try (PrintWriter out = new PrintWriter(text); CaptureReader reader = Captures.open(capture)) {
            Analyzer.run(reader, view.apply(out), decryption);
        }
        return text.toString();
    }
}
