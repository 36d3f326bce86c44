package org.tlsscope.view;

import java.io.PrintWriter;
import java.util.List;
import org.tlsscope.bytes.Field;
import org.tlsscope.bytes.Slice;

/**
 * A minimal streaming JSON writer for the JSON Lines view: no dependency, no intermediate tree, keys in
 * the order written (so the output is stable and diffable).
 */
final class Json {
    /** A line longer than this (a record with a long certificate chain) does not keep its buffers grown. */
    private static final int KEPT = 1 << 20;

    private StringBuilder sb = new StringBuilder(4096);
    private char[] line = new char[4096];
    private boolean first = true;

    /** Empty again, for the next line, its buffer kept. */
    Json reset() {
        if (sb.capacity() > KEPT) {
            sb = new StringBuilder(4096);
            line = new char[4096];
        }
        sb.setLength(0);
        first = true;
        return this;
    }

    /** Writes the text and a line end to {@code out}, through one copy (a String of it would be two). */
    void printTo(PrintWriter out) {
        int n = sb.length();
        if (line.length < n) {
            line = new char[Math.max(n, 2 * line.length)];
        }
        sb.getChars(0, n, line, 0);
        out.write(line, 0, n);
        out.println();
    }

    Json open() {
        sb.append('{');
        first = true;
        return this;
    }

    Json close() {
        sb.append('}');
        first = false;
        return this;
    }

    Json key(String k) {
        if (!first) {
            sb.append(',');
        }
        first = false;
        string(k);
        sb.append(':');
        return this;
    }

    Json field(String k, String v) {
        key(k);
        if (v == null) {
            sb.append("null");
        } else {
            string(v);
        }
        return this;
    }

    Json field(String k, long v) {
        key(k).sb.append(v);
        return this;
    }

    Json field(String k, boolean v) {
        key(k).sb.append(v);
        return this;
    }

    Json fieldOrNull(String k, Number v) {
        key(k).sb.append(v == null ? "null" : v.toString());
        return this;
    }

    Json beginArray(String k) {
        key(k).sb.append('[');
        first = true;
        return this;
    }

    Json endArray() {
        sb.append(']');
        first = false;
        return this;
    }

    /** Starts an object inside an array. */
    Json element() {
        if (!first) {
            sb.append(',');
        }
        first = true;
        sb.append('{');
        return this;
    }

    Json stringElement(String v) {
        if (!first) {
            sb.append(',');
        }
        first = false;
        if (v == null) {
            sb.append("null");
        } else {
            string(v);
        }
        return this;
    }

    Json value(Object v) {
        switch (v) {
            case null -> sb.append("null");
            case Number n -> sb.append(n);
            case Boolean b -> sb.append(b);
            case Slice s -> string(s.hex());
            default -> string(v.toString());
        }
        return this;
    }

    /** A field tree as [{"name","offset","length","value","text","children"}]. */
    Json fields(String k, List<Field> fields) {
        beginArray(k);
        for (Field f : fields) {
            element().field("name", f.name()).field("offset", f.offset()).field("length", f.length());
            key("value").value(f.value());
            if (f.text() != null) {
                field("text", f.text());
            }
            if (!f.children().isEmpty()) {
                fields("children", f.children());
            }
            close();
        }
        return endArray();
    }

    private void string(String s) {
        sb.append('"');
        if (plain(s)) {
            // Almost every string is: names, hex, dotted addresses. Append it whole.
            sb.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || (c >= 0x7f && c < 0xa0)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
