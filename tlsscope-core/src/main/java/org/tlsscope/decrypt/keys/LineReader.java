package org.tlsscope.decrypt.keys;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines at CRLF, CR or LF (RFC 9850 section 3 requires all three), never holding more
 * than {@code maxChars} of one line: the rest of a longer line is read past and dropped, so a file that
 * is not a key log at all (a capture given by mistake, with no line end for megabytes) costs no memory.
 */
final class LineReader {
    /**
     * @param number     1-based line number
     * @param text       the line without its end, cut at the cap
     * @param terminated whether a line end followed (false only for a last line)
     * @param length     the line's full length in characters
     */
    record Line(int number, String text, boolean terminated, long length) {
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int pos;
    private int end;
    private boolean skipLf;
    private int number;

    LineReader(Reader in, int maxChars) {
        this(in, maxChars, 0);
    }

    /** Numbers lines from {@code linesBefore + 1}: the text continues a file already read that far. */
    LineReader(Reader in, int maxChars, int linesBefore) {
        this.in = in;
        this.maxChars = maxChars;
        this.number = linesBefore;
    }

    /** The next line, or null at the end of the text. */
    Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        long length = 0;
        while (true) {
            if (pos == end && !fill()) {
                return length == 0 ? null : new Line(++number, text.toString(), false, length);
            }
            char c = buffer[pos++];
            if (skipLf) {
                skipLf = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n' || c == '\r') {
                skipLf = c == '\r';
                return new Line(++number, text.toString(), true, length);
            }
            if (length++ < maxChars) {
                text.append(c);
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        pos = 0;
        end = Math.max(n, 0);
        return n > 0;
    }
}
