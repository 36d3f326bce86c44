package org.tlsscope.view;

import java.io.PrintWriter;
import java.util.List;
import org.tlsscope.analysis.CaptureStats;
import org.tlsscope.analysis.Finding;
import org.tlsscope.analysis.fingerprint.Fingerprinters;
import org.tlsscope.bytes.Field;
import org.tlsscope.bytes.Slice;
import org.tlsscope.net.LayerSpan;
import org.tlsscope.net.TcpSegment;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.connection.TlsListener;
import org.tlsscope.tls.handshake.ParsedMessage;
import org.tlsscope.tls.registry.Registries;

/**
 * The post's view, for every record: an offset / hex / ASCII dump, then one line per field giving its
 * offset, its bytes (long ones abbreviated "54 .. b2") and their meaning. With {@code layers}, the
 * link, IP and TCP headers of the packet that delivered the record come first, as the post shows for
 * its first packet. Records are printed as they are framed, so the view streams.
 */
public final class ExplainView implements TlsListener {
    /** Application data is ciphertext: its first bytes show what it looks like, the rest adds nothing. */
    private static final int MAX_OPAQUE_DUMP = 256;
    private static final int MAX_DUMP = 1 << 16;
    /** content_type, legacy_record_version, length: the first fields of every TLS record. */
    private static final int HEADER_FIELDS = 3;

    private final PrintWriter out;
    private final boolean layers;
    private final Fingerprinters fingerprinters;
    private long lastLayersFrame = -1;

    public ExplainView(PrintWriter out, boolean layers) {
        this(out, layers, Fingerprinters.NONE);
    }

    /** @param fingerprinters extra fingerprints to print when a connection ends (JA4S, JA4X) */
    public ExplainView(PrintWriter out, boolean layers, Fingerprinters fingerprinters) {
        this.out = out;
        this.layers = layers;
        this.fingerprinters = fingerprinters;
    }

    @Override
    public boolean wantsApplicationData() {
        return true;
    }

    @Override
    public boolean wantsFields() {
        return true;
    }

    @Override
    public boolean wantsLayers() {
        return layers;
    }

    @Override
    public void onRecord(RecordEvent e) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append(String.format("== connection %d, frame %d, %s -> %s, record %d%s: %s ==%n", e.connection().id(),
                e.frame(), e.direction().sender(), e.direction().reverse().sender(), e.index(),
                e.flight() > 0 ? ", flight " + e.flight() : "", e.label()));
        if (layers && e.segment() != null && e.frame() != lastLayersFrame) {
            lastLayersFrame = e.frame();
            layers(sb, e.segment());
        }
        Slice bytes = e.record().bytes();
        String version = Registries.PROTOCOL_VERSIONS.name(e.record().header().version());
        sb.append(String.format("%s record, %s, %d bytes%n",
                Registries.CONTENT_TYPES.name(e.record().header().contentType()), version, e.record().header().length()));
        if (bytes != null) {
            HexDump.dump(sb, "", bytes, e.encrypted() ? MAX_OPAQUE_DUMP + e.record().headerLength() : MAX_DUMP);
        }
        sb.append('\n');
        Slice content = bytes;
        if (e.decrypted()) {
            // The header's three fields point into the record; what the plaintext held, into the plaintext.
            int header = Math.min(HEADER_FIELDS, e.fields().size());
            fields(sb, "  ", e.fields().subList(0, header), bytes, 0);
            content = e.plaintext();
            sb.append(String.format("  decrypted: %s, %d bytes of plaintext (offsets below count from its first byte)%n",
                    Registries.CONTENT_TYPES.name(e.contentType()), content.length()));
            HexDump.dump(sb, "  ", content, MAX_DUMP);
            fields(sb, "  ", e.fields().subList(header, e.fields().size()), content, 0);
        } else {
            fields(sb, "  ", e.fields(), bytes, 0);
        }
        if (e.encrypted() && bytes != null) {
            Slice payload = e.record().fragment();
            sb.append(String.format("  %04x  %-14s %s%n", e.record().headerLength(), HexDump.abbreviated(payload),
                    e.label() + " (" + payload.length() + " bytes, opaque without keys)"));
        }
        for (ParsedMessage m : e.messages()) {
            message(sb, m, content);
        }
        out.print(sb.append('\n'));
    }

    private void message(StringBuilder sb, ParsedMessage m, Slice recordBytes) {
        int base = m.raw().recordOffset();
        sb.append(String.format("  %s, %d bytes%s%n", m.name(), m.raw().bytes().length(),
                base >= 0 ? "" : ", reassembled from " + m.raw().recordsSpanned() + " records (offsets within the message)"));
        if (base < 0) {
            HexDump.dump(sb, "  ", m.raw().bytes(), MAX_DUMP);
        }
        fields(sb, "    ", m.fields(), base >= 0 ? recordBytes : m.raw().bytes(), Math.max(base, 0));
        if (m.malformed()) {
            sb.append(String.format("    !! malformed at message offset %d: %s (a peer would send %s)%n",
                    m.error().offset(), m.error().reason(), m.error().alert()));
        }
    }

    private static void fields(StringBuilder sb, String indent, List<Field> fields, Slice bytes, int base) {
        for (Field f : fields) {
            int at = base + f.offset();
            String hex = bytes != null && at + f.length() <= bytes.length()
                    ? HexDump.abbreviated(bytes.slice(at, f.length())) : "";
            String meaning = f.text() != null ? f.text() : valueText(f);
            sb.append(String.format("%s%04x  %-14s %s%s%n", indent, at, hex, f.name(),
                    meaning.isEmpty() ? "" : ": " + meaning));
            if (!f.children().isEmpty()) {
                fields(sb, indent + "  ", f.children(), bytes, base);
            }
        }
    }

    private static String valueText(Field f) {
        return switch (f.value()) {
            case null -> "";
            case Slice s -> s.length() + " bytes";
            default -> f.value().toString();
        };
    }

    private static void layers(StringBuilder sb, TcpSegment segment) {
        Slice frame = segment.frame().data();
        for (LayerSpan l : segment.layers()) {
            sb.append(l.name()).append(": ").append(l.description()).append('\n');
            if (l.offset() + l.length() <= frame.length()) {
                HexDump.dump(sb, "", frame.slice(l.offset(), l.length()), MAX_DUMP);
            }
        }
    }

    @Override
    public void onFinding(Finding f) {
        out.println("!! " + TextView.line(f));
    }

    @Override
    public void onConnectionEnd(ConnectionReport r) {
        out.printf("== connection %d ended: %s, %s, %s ==%n", r.connection().id(),
                r.version() == 0 ? "no version negotiated" : Names.version(r.version()),
                r.cipherSuite() < 0 ? "no cipher suite" : Registries.CIPHER_SUITES.describe(r.cipherSuite()),
                r.established() ? "handshake completed" : "handshake not completed");
        TextView.fingerprintLines(r, fingerprinters).forEach(out::println);
        if (r.decryption() != null) {
            out.println("  " + TextView.decryptionLine(r.decryption()));
        }
        out.println();
    }

    @Override
    public void onCaptureEnd(CaptureStats stats) {
        out.println(Names.captureLine(stats));
    }
}
