package org.tlsscope.view;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.tlsscope.analysis.CaptureStats;
import org.tlsscope.analysis.fingerprint.Fingerprinter;
import org.tlsscope.analysis.fingerprint.Fingerprinters;
import org.tlsscope.analysis.fingerprint.HelloFingerprints;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.TlsListener;

/**
 * One row per TLS connection, like Zeek's ssl.log: as TSV streamed as each connection ends, or as an
 * aligned table. The table's column widths come from the first {@link #ALIGNED_ROWS} rows, which are held
 * back until then; later rows are printed as they come with those widths (a longer cell pushes the rest of
 * its row right), so memory does not grow with the capture.
 */
public final class SummaryView implements TlsListener {
    static final int ALIGNED_ROWS = 1000;
    private static final String[] COLUMNS = {"ts", "conn", "client", "server", "version", "cipher", "sni", "alpn",
            "resumed", "established", "last_alert", "findings", "ja3", "ja3s", "ja4"};

    private final PrintWriter out;
    private final IsoTime time = new IsoTime();
    private final boolean tsv;
    private final List<Fingerprinter> fingerprinters;
    private final String[] header;
    private List<String[]> held = new ArrayList<>();
    private int[] width;

    public SummaryView(PrintWriter out, boolean tsv) {
        this(out, tsv, Fingerprinters.NONE);
    }

    /** @param fingerprinters connection fingerprints printed as columns after ja4 (JA4S) */
    public SummaryView(PrintWriter out, boolean tsv, Fingerprinters fingerprinters) {
        this.out = out;
        this.tsv = tsv;
        this.fingerprinters = fingerprinters.connection();
        this.header = new String[COLUMNS.length + this.fingerprinters.size()];
        System.arraycopy(COLUMNS, 0, header, 0, COLUMNS.length);
        for (int i = 0; i < this.fingerprinters.size(); i++) {
            header[COLUMNS.length + i] = this.fingerprinters.get(i).name();
        }
        if (tsv) {
            print(header);
        }
    }

    /** A row per connection, from its report: the records themselves are not looked at. */
    @Override
    public boolean wantsRecords() {
        return false;
    }

    @Override
    public void onConnectionEnd(ConnectionReport r) {
        HelloFingerprints f = HelloFingerprints.of(r);
        String[] row = new String[header.length];
        row[0] = time.format(r.connection().firstTimestampNanos());
        row[1] = Long.toString(r.connection().id());
        row[2] = r.connection().client().toString();
        row[3] = r.connection().server().toString();
        row[4] = dash(Names.version(r.version()));
        row[5] = dash(Names.cipherSuite(r.cipherSuite()));
        row[6] = dash(r.sni());
        row[7] = dash(r.alpn());
        row[8] = r.resumed() ? "T" : "F";
        row[9] = r.established() ? "T" : "F";
        row[10] = r.alerts().isEmpty() ? "-" : lastAlert(r.alerts().getLast());
        row[11] = Integer.toString(r.findings().size() + r.findingsDropped());
        row[12] = f.ja3() == null ? "-" : f.ja3().hash();
        row[13] = f.ja3s() == null ? "-" : f.ja3s().hash();
        row[14] = f.ja4() == null ? "-" : f.ja4().fingerprint();
        for (int i = 0; i < fingerprinters.size(); i++) {
            row[COLUMNS.length + i] = dash(fingerprinters.get(i).of(r));
        }
        if (tsv || held == null) {
            print(row);
            return;
        }
        held.add(row);
        if (held.size() == ALIGNED_ROWS) {
            release();
        }
    }

    @Override
    public void onCaptureEnd(CaptureStats stats) {
        if (!tsv && held != null) {
            release();
        }
    }

    /** Fixes the column widths from the rows held so far, prints the header and them, and stops holding. */
    private void release() {
        width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
        }
        for (String[] row : held) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        print(header);
        held.forEach(this::print);
        held = null;
    }

    private void print(String[] row) {
        StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                sb.append(tsv ? "\t" : "  ");
            }
            sb.append(row[i]);
            if (!tsv && i < row.length - 1) {
                sb.repeat(' ', Math.max(0, width[i] - row[i].length()));
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        out.println(sb);
    }

    private static String lastAlert(ConnectionReport.AlertSeen a) {
        return a.description() == null ? "encrypted" : Names.alertDescription(a.description());
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s.replace('\t', ' ');
    }
}
