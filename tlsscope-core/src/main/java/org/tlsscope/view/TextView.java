package org.tlsscope.view;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tlsscope.analysis.CaptureStats;
import org.tlsscope.analysis.Finding;
import org.tlsscope.bytes.Slice;
import org.tlsscope.analysis.cert.ChainCheck;
import org.tlsscope.analysis.fingerprint.CertificateFingerprinter;
import org.tlsscope.analysis.fingerprint.Fingerprinter;
import org.tlsscope.analysis.fingerprint.Fingerprinters;
import org.tlsscope.analysis.fingerprint.HelloFingerprints;
import org.tlsscope.tcp.Direction;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.DecryptionStatus;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.connection.TlsListener;
import org.tlsscope.tls.handshake.ParsedMessage;
import org.tlsscope.tls.record.ContentType;
import org.tlsscope.tls.registry.Registries;

/**
 * The default view: each connection with its endpoints, version, suite, SNI and ALPN, then its flights
 * with a line per record, then its findings. A connection is printed when it ends; runs of application
 * data records are folded into one line, so what is held per open connection stays small.
 */
public final class TextView implements TlsListener {
    private static final int MAX_LINES = 2000;

    private final PrintWriter out;
    private final Map<Integer, Pending> open = new HashMap<>();
    private final List<Finding> captureFindings = new ArrayList<>();
    private final Fingerprinters fingerprinters;
    private final boolean streaming;

    public TextView(PrintWriter out) {
        this(out, Fingerprinters.NONE);
    }

    /** @param fingerprinters fingerprints printed beside the core's JA3, JA3S and JA4 (JA4S, JA4X) */
    public TextView(PrintWriter out, Fingerprinters fingerprinters) {
        this(out, fingerprinters, false);
    }

    /**
     * @param streaming for a live input (a pipe from tcpdump, a live capture): each record's line is printed
     *                  as the record arrives, prefixed by its connection number ({@code #3}), so that
     *                  connections open at once stay apart; the connection's summary follows when it ends.
     *                  Otherwise a connection is printed whole when it ends.
     */
    public TextView(PrintWriter out, Fingerprinters fingerprinters, boolean streaming) {
        this.out = out;
        this.fingerprinters = fingerprinters;
        this.streaming = streaming;
    }

    @Override
    public void onRecord(RecordEvent e) {
        Pending p = open.computeIfAbsent(e.connection().id(), id -> new Pending(streaming ? streamed(e) : null));
        if (e.flight() == 0 && e.contentType() == ContentType.APPLICATION_DATA) {
            p.appData(e);
            return;
        }
        p.flushAppData();
        if (e.flight() != 0 && e.flight() != p.flight) {
            p.flight = e.flight();
            p.add(String.format("  flight %d: %s", e.flight(), e.direction() == Direction.CLIENT_TO_SERVER
                    ? "client -> server" : "server -> client"));
        }
        String what = e.messages().isEmpty() ? e.label()
                : String.join(", ", e.messages().stream().map(MessageSummary::of).toList());
        p.add(String.format("    frame %-7d %-6s %-18s %5d bytes  %s", e.frame(), e.direction().sender(),
                Registries.CONTENT_TYPES.name(e.contentType()), e.record().header().length(), what));
    }

    @Override
    public void onFinding(Finding f) {
        if (f.connection() == 0) {
            captureFindings.add(f);
        }
    }

    @Override
    public void onConnectionEnd(ConnectionReport r) {
        Pending p = open.remove(r.connection().id());
        if (p != null) {
            p.flushAppData();
        }
        out.printf("connection %d: %s -> %s  %s  %s%n", r.connection().id(), r.connection().client(),
                r.connection().server(), orDash(Names.version(r.version())),
                r.cipherSuite() < 0 ? "-" : Registries.CIPHER_SUITES.describe(r.cipherSuite()));
        out.printf("  sni: %s  alpn: %s  resumed: %s  established: %s%n", orDash(r.sni()), orDash(r.alpn()),
                r.resumed() ? "yes" : "no", r.established() ? "yes" : "no");
        fingerprintLines(r, fingerprinters).forEach(out::println);
        CertificateLines.of(ChainCheck.of(r)).forEach(out::println);
        if (p != null) {
            p.lines.forEach(out::println);
            if (p.dropped > 0) {
                out.printf("    ... %d more records not shown%n", p.dropped);
            }
        }
        out.printf("  application data: client %d bytes, server %d bytes%n", r.clientAppBytes(), r.serverAppBytes());
        if (r.decryption() != null) {
            out.println("  " + decryptionLine(r.decryption()));
        }
        if (!r.findings().isEmpty()) {
            out.println("  findings:");
            r.findings().forEach(f -> out.println("    " + line(f)));
            if (r.findingsDropped() > 0) {
                out.printf("    ... %d more findings%n", r.findingsDropped());
            }
        }
        out.println();
    }

    @Override
    public void onCaptureEnd(CaptureStats stats) {
        out.println(Names.captureLine(stats));
        captureFindings.forEach(f -> out.println(line(f)));
    }

    /**
     * "ja3: .. ja3s: .. ja4: .." and the extra connection fingerprints on one line, then one line per
     * certificate fingerprint over the server's chain; nothing when neither hello was seen.
     */
    /** Where a streamed connection's lines go: announced at its first record, then each line as it comes. */
    private Consumer<String> streamed(RecordEvent first) {
        int id = first.connection().id();
        out.printf("#%d connection %d: %s -> %s (first record in frame %d)%n", id, id, first.connection().client(),
                first.connection().server(), first.frame());
        return line -> out.println("#" + id + line);
    }

    static List<String> fingerprintLines(ConnectionReport r, Fingerprinters fingerprinters) {
        if (r.clientHello() == null && r.serverHello() == null) {
            return List.of();
        }
        HelloFingerprints f = HelloFingerprints.of(r);
        StringBuilder line = new StringBuilder("  ja3: ").append(f.ja3() == null ? "-" : f.ja3().hash())
                .append("  ja3s: ").append(f.ja3s() == null ? "-" : f.ja3s().hash())
                .append("  ja4: ").append(f.ja4() == null ? "-" : f.ja4().fingerprint());
        for (Fingerprinter p : fingerprinters.connection()) {
            line.append("  ").append(p.name()).append(": ").append(orDash(p.of(r)));
        }
        List<String> lines = new ArrayList<>(List.of(line.toString()));
        for (CertificateFingerprinter p : fingerprinters.certificate()) {
            if (!r.serverCertificates().isEmpty()) {
                lines.add("  " + p.name() + ": " + String.join(" ", r.serverCertificates().stream()
                        .map(der -> orDash(p.of(der))).toList()));
            }
        }
        return lines;
    }

    static String line(Finding f) {
        return String.format("%-7s frame %-6d %s: %s%s", f.severity().label(), f.frame(), f.code(), f.message(),
                f.reference() == null ? "" : " [" + f.reference() + "]");
    }

    static String decryptionLine(DecryptionStatus d) {
        String opened = d.recordsOpened() + " records opened" + (d.recordsFailed() > 0 ? ", " + d.recordsFailed() + " failed" : "");
        String finished = "Finished: client " + d.clientFinished().jsonName().replace('_', ' ') + ", server "
                + d.serverFinished().jsonName().replace('_', ' ');
        if (d.decrypted()) {
            return String.format("decrypted with %s: %s; %s; plaintext: client %d bytes, server %d bytes", d.keySource(),
                    opened, finished, d.clientPlaintextBytes(), d.serverPlaintextBytes());
        }
        return "not decrypted: " + d.reason() + (d.recordsOpened() > 0 || d.recordsFailed() > 0 ? " (" + opened + "; " + finished + ")" : "");
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    /** A connection's lines until it ends; consecutive application data records folded into one. */
    private static final class Pending {
        final List<String> lines = new ArrayList<>();
        /** Where lines go at once when the view streams, else null: they are held until the connection ends. */
        final Consumer<String> sink;
        int dropped;
        int flight;
        Direction runDirection;
        long runFirstFrame;
        long runLastFrame;
        int runRecords;
        long runBytes;
        long runPlaintext;
        int runDecrypted;
        /** The run's first plaintext bytes, where an HTTP/1.x first line is looked for (1/n-1 splitting puts one byte in the first record). */
        final ByteArrayOutputStream runHead = new ByteArrayOutputStream();

        Pending(Consumer<String> sink) {
            this.sink = sink;
        }

        void add(String line) {
            if (sink != null) {
                sink.accept(line);
            } else if (lines.size() < MAX_LINES) {
                lines.add(line);
            } else {
                dropped++;
            }
        }

        void appData(RecordEvent e) {
            if (runRecords > 0 && runDirection != e.direction()) {
                flushAppData();
            }
            if (runRecords == 0) {
                runDirection = e.direction();
                runFirstFrame = e.frame();
            }
            runLastFrame = e.frame();
            runRecords++;
            runBytes += e.record().header().length();
            if (e.decrypted()) {
                int room = HttpLine.MAX_LINE - runHead.size();
                if (room > 0) {
                    Slice p = e.plaintext();
                    runHead.write(p.toArray(), 0, Math.min(room, p.length()));
                }
                runDecrypted++;
                runPlaintext += e.plaintext().length();
            }
        }

        void flushAppData() {
            if (runRecords == 0) {
                return;
            }
            String frames = runFirstFrame == runLastFrame ? String.valueOf(runFirstFrame) : runFirstFrame + "-" + runLastFrame;
            String http = runDecrypted == 0 ? null : HttpLine.of(Slice.of(runHead.toByteArray()));
            String plaintext = runDecrypted == 0 ? ""
                    : String.format(", %d bytes decrypted%s", runPlaintext, http == null ? "" : ": " + http);
            add(String.format("    frame %-7s %-6s %-18s %5d bytes  %d record%s%s", frames, runDirection.sender(),
                    "application_data", runBytes, runRecords, runRecords == 1 ? "" : "s", plaintext));
            runRecords = 0;
            runBytes = 0;
            runPlaintext = 0;
            runDecrypted = 0;
            runHead.reset();
        }
    }
}
