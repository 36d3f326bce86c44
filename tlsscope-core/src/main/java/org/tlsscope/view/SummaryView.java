package org.tlsscope.view;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tlsscope.analysis.fingerprint.Fingerprinter;
import org.tlsscope.analysis.fingerprint.Fingerprinters;
import org.tlsscope.analysis.fingerprint.HelloFingerprints;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.TlsListener;

/**
 * One row per TLS connection, like Zeek's ssl.log: as an aligned table printed at the end (column widths
 * need every row), or as TSV streamed as each connection ends.
 */
public final class SummaryView implements TlsListener {
    private static final String[] COLUMNS = {"ts", "conn", "client", "server", "version", "cipher", "sni", "alpn",
            "resumed", "established", "last_alert", "findings", "ja3", "ja3s", "ja4"};

    private final PrintWriter out;
    private final boolean tsv;
    private final List<Fingerprinter> fingerprinters;
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    public SummaryView(PrintWriter out, boolean tsv) {
        this(out, tsv, Fingerprinters.NONE);
    }

    /** @param fingerprinters connection fingerprints printed as columns after ja4 (JA4S) */
    public SummaryView(PrintWriter out, boolean tsv, Fingerprinters fingerprinters) {
        this.out = out;
        this.tsv = tsv;
        this.fingerprinters = fingerprinters.connection();
        this.header = Stream.concat(Stream.of(COLUMNS), this.fingerprinters.stream().map(Fingerprinter::name))
                .toArray(String[]::new);
        if (tsv) {
            out.println(String.join("\t", header));
        }
    }

    @Override
    public void onConnectionEnd(ConnectionReport r) {
        HelloFingerprints f = HelloFingerprints.of(r);
        Stream<String> fixed = Stream.of(
                Instant.ofEpochSecond(0, r.connection().firstTimestampNanos()).toString(),
                String.valueOf(r.connection().id()),
                r.connection().client().toString(),
                r.connection().server().toString(),
                dash(Names.version(r.version())),
                dash(Names.cipherSuite(r.cipherSuite())),
                dash(r.sni()),
                dash(r.alpn()),
                r.resumed() ? "T" : "F",
                r.established() ? "T" : "F",
                r.alerts().isEmpty() ? "-" : lastAlert(r.alerts().getLast()),
                String.valueOf(r.findings().size() + r.findingsDropped()),
                f.ja3() == null ? "-" : f.ja3().hash(),
                f.ja3s() == null ? "-" : f.ja3s().hash(),
                f.ja4() == null ? "-" : f.ja4().fingerprint());
        String[] row = Stream.concat(fixed, fingerprinters.stream().map(p -> dash(p.of(r)))).toArray(String[]::new);
        if (tsv) {
            out.println(String.join("\t", row));
        } else {
            rows.add(row);
        }
    }

    @Override
    public void onCaptureEnd(org.tlsscope.analysis.CaptureStats stats) {
        if (tsv) {
            return;
        }
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        print(header, width);
        rows.forEach(row -> print(row, width));
    }

    private void print(String[] row, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                sb.append("  ");
            }
            sb.append(i == row.length - 1 ? row[i] : String.format("%-" + width[i] + "s", row[i]));
        }
        out.println(sb.toString().stripTrailing());
    }

    private static String lastAlert(ConnectionReport.AlertSeen a) {
        return a.description() == null ? "encrypted" : Names.alertDescription(a.description());
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s.replace('\t', ' ');
    }
}
