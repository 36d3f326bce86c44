package org.tlsscope.view;

import java.util.HexFormat;
import org.tlsscope.bytes.Slice;

/** The post's dump format: offset, sixteen hex bytes, their ASCII ("0000  16 03 01 00 5f ..  ....._"). */
final class HexDump {
    private HexDump() {
    }

    /** Dumps at most {@code maxBytes} bytes, then says how many were left out. */
    static void dump(StringBuilder sb, String indent, Slice s, int maxBytes) {
        int n = Math.min(s.length(), maxBytes);
        HexFormat hex = HexFormat.of();
        for (int line = 0; line < n; line += 16) {
            sb.append(indent).append(String.format("%04x ", line));
            StringBuilder ascii = new StringBuilder(16);
            for (int i = line; i < line + 16; i++) {
                if (i < n) {
                    int b = s.u8(i);
                    sb.append(' ').append(hex.toHexDigits((byte) b));
                    ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                } else {
                    sb.append("   ");
                }
            }
            sb.append("  ").append(ascii).append('\n');
        }
        if (n < s.length()) {
            sb.append(indent).append("... ").append(s.length() - n).append(" more bytes\n");
        }
    }

    /** A field's bytes as the post writes them: all of them up to four, else "54 .. b2". */
    static String abbreviated(Slice s) {
        if (s.length() <= 4) {
            return s.spacedHex();
        }
        return s.slice(0, 1).spacedHex() + " .. " + s.slice(s.length() - 1, 1).spacedHex();
    }
}
