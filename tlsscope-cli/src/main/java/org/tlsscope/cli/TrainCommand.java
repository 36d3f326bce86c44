package org.tlsscope.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.decrypt.Decryption;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.ja4plus.Ja4Plus;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.tls.connection.TlsListener;
import org.tlsscope.view.ExplainView;
import org.tlsscope.view.JsonView;
import org.tlsscope.view.SummaryView;
import org.tlsscope.view.TextView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tlsscope train}: a workload for the JVM's ahead-of-time cache (JEP 483, 515), run by the launcher
 * once per build and per output format. It replays the sessions shipped in the jar's {@code training/} folder
 * (the recorded openssl fixtures and the post's session) through one view ({@code --format}) or all four in
 * turn, every third round decrypted with the fixtures' key logs (none with {@code --without-keys}), so the cache
 * holds the classes, linked, and the method profiles of a real analysis; later runs start compiled where a cold
 * JVM would still interpret.
 *
 * <p>One view per cache because the profiles are the JIT's guesses about the run to come: trained on all four
 * views, a call into the view is seen going four ways and is compiled for that, while a run drives one
 * (measured: the JSON of handshakes.pcap 4.25 -> 3.97 s; for its summary the gain, 2-5%, is within the spread
 * between two caches trained alike). Hidden: it prints nothing and analyzes nothing a user gave it.
 */
@Command(name = "train", hidden = true, description = "Warm-up workload for the launcher's AOT cache.")
final class TrainCommand implements Callable<Integer> {
    /** 64 MiB per cipher: enough for the JIT to compile the bulk paths, about two seconds of training. */
    private static final int BULK_RECORDS = 4096;

    @Option(names = "--rounds", defaultValue = "1500")
    int rounds;

    /** The view to train, as {@code analyze --format} names it; all of them in turn when absent. */
    @Option(names = "--format")
    AnalyzeCommand.Format format;

    /**
     * Nothing decrypted: the decryption code, the JDK's ciphers included, gets no training data, so that a run
     * whose cache was trained with C1 alone still has it compiled by C2, with the AES and GHASH intrinsics
     * (the launcher's quick summary cache, which says why).
     */
    @Option(names = "--without-keys")
    boolean withoutKeys;

    /** A shipped session and its key log, or null. */
    private record Session(byte[] capture, byte[] keys) {
    }

    @Override
    public Integer call() throws IOException {
        List<Session> sessions = trainingSessions();
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        for (int i = 0; i < rounds; i++) {
            for (Session session : sessions) {
                Decryption decryption = null;
                if (!withoutKeys && i % 3 == 2 && session.keys() != null) {
                    KeyLog keyLog = new KeyLog();
                    keyLog.add("training", session.keys());
                    decryption = new Decryption(keyLog, new RsaKeys());
                }
                try (CaptureReader reader = Captures.open(new ByteArrayInputStream(session.capture()))) {
                    Analyzer.run(reader, view(format != null ? format : ROTATION[i % ROTATION.length], sink), decryption);
                }
            }
        }
        if (!withoutKeys) {
            try {
                BulkTraining.run(BULK_RECORDS);
            } catch (GeneralSecurityException e) {
                return ExitCode.INTERNAL;
            }
        }
        return sessions.isEmpty() ? ExitCode.USAGE : ExitCode.OK;
    }

    /** Without {@code --format}: every view in turn, the summary twice as often (the pipeline's fastest path). */
    private static final AnalyzeCommand.Format[] ROTATION = {AnalyzeCommand.Format.summary,
            AnalyzeCommand.Format.summary, AnalyzeCommand.Format.text, AnalyzeCommand.Format.json,
            AnalyzeCommand.Format.explain};

    private static TlsListener view(AnalyzeCommand.Format format, PrintWriter sink) {
        return switch (format) {
            case summary -> new SummaryView(sink, true, Ja4Plus.fingerprinters());
            case text -> new TextView(sink, Ja4Plus.fingerprinters());
            case json -> new JsonView(sink, Ja4Plus.fingerprinters());
            case explain -> new ExplainView(sink, true, Ja4Plus.fingerprinters());
        };
    }

    /** The sessions under training/ in the jar this class was loaded from (none when run from classes). */
    private static List<Session> trainingSessions() throws IOException {
        List<Session> captures = new ArrayList<>();
        Path jar;
        try {
            jar = Path.of(TrainCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            return captures;
        }
        if (!Files.isRegularFile(jar)) {
            return captures;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : zip.stream().filter(e -> e.getName().startsWith("training/")
                    && e.getName().endsWith(".pcap")).toList()) {
                ZipEntry keys = zip.getEntry(e.getName().replaceFirst("\\.pcap$", ".keys"));
                captures.add(new Session(zip.getInputStream(e).readAllBytes(),
                        keys == null ? null : zip.getInputStream(keys).readAllBytes()));
            }
        }
        return captures;
    }
}
