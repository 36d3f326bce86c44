package org.tlsscope.view;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.TlsListener;

/**
 * One row per TLS connection, like Zeek's ssl.log: as an aligned table printed at the end (column widths
 * need every row), or as TSV streamed as each connection ends.
 */
public final class SummaryView implements TlsListener {
    private static final String[] HEADER = {"ts", "conn", "client", "server", "version", "cipher", "sni", "alpn",
            "resumed", "established", "last_alert", "findings"};

    private final PrintWriter out;
    private final boolean tsv;
    private final List<String[]> rows = new ArrayList<>();

    public SummaryView(PrintWriter out, boolean tsv) {
        this.out = out;
        this.tsv = tsv;
        if (tsv) {
            out.println(String.join("\t", HEADER));
        }
    }

    @Override
    public void onConnectionEnd(ConnectionReport r) {
        String[] row = {
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
                String.valueOf(r.findings().size() + r.findingsDropped())
        };
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
        int[] width = new int[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            width[i] = HEADER[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        print(HEADER, width);
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
