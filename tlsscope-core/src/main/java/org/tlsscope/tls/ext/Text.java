package org.tlsscope.tls.ext;

import java.util.HexFormat;
import org.tlsscope.bytes.Slice;

/** Wire strings (host names, ALPN protocol names) as text that cannot hide or lose a byte. */
final class Text {
    private Text() {
    }

    /**
     * Printable ASCII as itself, a backslash as {@code \\}, any other byte as {@code \xNN}: RFC 7301
     * protocol names are octet strings, and a GREASE or hostile name must print as the bytes it is.
     */
    static String escaped(Slice bytes) {
        StringBuilder sb = new StringBuilder(bytes.length());
        for (int i = 0; i < bytes.length(); i++) {
            int b = bytes.u8(i);
            if (b == '\\') {
                sb.append("\\\\");
            } else if (b >= 0x20 && b < 0x7f) {
                sb.append((char) b);
            } else {
                sb.append("\\x").append(HexFormat.of().toHexDigits((byte) b));
            }
        }
        return sb.toString();
    }
}
