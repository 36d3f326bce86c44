package org.tlsscope.view;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.tlsscope.bytes.Slice;

/** The request or status line of HTTP/1.x (RFC 9112 section 3 and 4) at the start of decrypted application data. */
final class HttpLine {
    static final int MAX_LINE = 256;
    private static final Pattern REQUEST = Pattern.compile("[A-Z]{3,10} \\S+ HTTP/1\\.[01]");
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] \\d{3}( .*)?");

    private HttpLine() {
    }

    /** The first line if it is an HTTP/1.x request or status line, else null. */
    static String of(Slice plaintext) {
        int end = -1;
        int limit = Math.min(plaintext.length(), MAX_LINE);
        for (int i = 0; i + 1 < limit; i++) {
            if (plaintext.u8(i) == '\r' && plaintext.u8(i + 1) == '\n') {
                end = i;
                break;
            }
        }
        if (end <= 0) {
            return null;
        }
        String line = new String(plaintext.slice(0, end).toArray(), StandardCharsets.ISO_8859_1);
        return REQUEST.matcher(line).matches() || STATUS.matcher(line).matches() ? line : null;
    }
}
