package org.tlsscope.view;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tcp.Direction;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.connection.TlsListener;
import org.tlsscope.tls.record.ContentType;

/**
 * One connection's decrypted application data, as Wireshark's Follow TLS Stream shows it: both
 * directions interleaved in capture order, or one of them; as text, a hex dump, or the raw bytes. Each
 * record is written as it is opened, so nothing accumulates.
 */
public final class FollowView implements TlsListener {
    /** How the bytes are written. */
    public enum Mode { text, hex, raw }

    private final OutputStream out;
    private final int connection;
    private final Direction only;
    private final Mode mode;
    private Direction last;
    private long bytes;
    private ConnectionReport report;

    /** @param only the direction to follow, or null for both */
    public FollowView(OutputStream out, int connection, Direction only, Mode mode) {
        this.out = out;
        this.connection = connection;
        this.only = only;
        this.mode = mode;
    }

    @Override
    public void onRecord(RecordEvent e) {
        if (e.connection().id() != connection || !e.decrypted() || e.contentType() != ContentType.APPLICATION_DATA
                || only != null && e.direction() != only || e.plaintext().isEmpty()) {
            return;
        }
        Slice data = e.plaintext();
        bytes += data.length();
        try {
            switch (mode) {
                case raw -> out.write(data.toArray());
                case hex -> {
                    StringBuilder sb = new StringBuilder();
                    sb.append(String.format("%s, frame %d, %d bytes%n", e.direction().sender(), e.frame(), data.length()));
                    HexDump.dump(sb, "", data, Integer.MAX_VALUE);
                    out.write(sb.append('\n').toString().getBytes(StandardCharsets.UTF_8));
                }
                case text -> {
                    if (e.direction() != last) {
                        String marker = (last == null ? "" : "\n") + "=== " + e.direction().sender() + " -> "
                                + e.direction().reverse().sender() + " (frame " + e.frame() + ") ===\n";
                        out.write(marker.getBytes(StandardCharsets.UTF_8));
                    }
                    out.write(printable(data));
                }
            }
            last = e.direction();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Text as is; other bytes as '.', so a terminal is never fed control sequences. */
    private static byte[] printable(Slice data) {
        byte[] text = data.toArray();
        for (int i = 0; i < text.length; i++) {
            int c = text[i] & 0xff;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c >= 0x7f) {
                text[i] = '.';
            }
        }
        return text;
    }

    @Override
    public void onConnectionEnd(ConnectionReport r) {
        if (r.connection().id() == connection) {
            report = r;
        }
    }

    /** The followed connection's report, or null if the capture has no such TLS connection. */
    public ConnectionReport report() {
        return report;
    }

    /** Plaintext bytes written. */
    public long bytes() {
        return bytes;
    }
}
