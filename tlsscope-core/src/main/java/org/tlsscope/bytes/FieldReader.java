package org.tlsscope.bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A bounds-checked cursor over a {@link Slice} that records every field it reads.
 *
 * <p>Parsers read the wire structure in RFC order ({@code u16("legacy_version", Versions::name)}) and
 * get, as a side effect, the annotated field list that the explain and JSON views print. Every read is
 * checked against the bytes that remain in this reader's range; a read past the end throws a
 * {@link DecodeException} carrying the offset, never an index error. Lengths read from the wire are
 * only ever compared with {@link #remaining()} before use, so no wire length sizes an allocation.
 */
public final class FieldReader {
    private final Slice data;
    private final int base;
    private final boolean recording;
    private final List<Field> fields;
    private int pos;

    /**
     * @param data bytes to read
     * @param base offset of {@code data}'s first byte within the unit the field offsets refer to
     */
    public FieldReader(Slice data, int base) {
        this(data, base, true);
    }

    private FieldReader(Slice data, int base, boolean recording) {
        this.data = data;
        this.base = base;
        this.recording = recording;
        this.fields = recording ? new ArrayList<>() : List.of();
    }

    /**
     * A reader that checks every bound but records no field: for views that show no fields (text,
     * summary), building the field tree and its texts would be most of the dissection's cost.
     */
    public static FieldReader quiet(Slice data, int base) {
        return new FieldReader(data, base, false);
    }

    /** A reader over other bytes that records, or not, as this one does. */
    public FieldReader over(Slice other, int otherBase) {
        return new FieldReader(other, otherBase, recording);
    }

    public boolean recording() {
        return recording;
    }

    public int remaining() {
        return data.length() - pos;
    }

    public boolean hasRemaining() {
        return pos < data.length();
    }

    /** Offset of the next byte within the unit (record) the field offsets refer to. */
    public int offset() {
        return base + pos;
    }

    public List<Field> fields() {
        return List.copyOf(fields);
    }

    // ---- raw reads: checked, not recorded -------------------------------------------------------

    public int rawU8() {
        need(1, "uint8");
        return data.u8(pos++);
    }

    public int rawU16() {
        need(2, "uint16");
        int v = data.u16(pos);
        pos += 2;
        return v;
    }

    public Slice rawBytes(int n, String what) {
        need(n, what);
        Slice s = data.slice(pos, n);
        pos += n;
        return s;
    }

    // ---- recorded reads ------------------------------------------------------------------------

    public int u8(String name) {
        return u8(name, null);
    }

    public int u8(String name, IntFunction<String> text) {
        int at = offset();
        need(1, name);
        int v = data.u8(pos++);
        if (recording) {
            add(name, at, 1, v, text == null ? null : text.apply(v));
        }
        return v;
    }

    public int u16(String name) {
        return u16(name, null);
    }

    public int u16(String name, IntFunction<String> text) {
        int at = offset();
        need(2, name);
        int v = data.u16(pos);
        pos += 2;
        if (recording) {
            add(name, at, 2, v, text == null ? null : text.apply(v));
        }
        return v;
    }

    public int u24(String name, IntFunction<String> text) {
        int at = offset();
        need(3, name);
        int v = data.u24(pos);
        pos += 3;
        if (recording) {
            add(name, at, 3, v, text == null ? null : text.apply(v));
        }
        return v;
    }

    public long u32(String name, String text) {
        int at = offset();
        need(4, name);
        long v = data.u32(pos);
        pos += 4;
        if (recording) {
            add(name, at, 4, v, text);
        }
        return v;
    }

    /** Opaque bytes of a known length, kept as a slice of the input. */
    public Slice bytes(String name, int n, String text) {
        int at = offset();
        Slice s = rawBytes(n, name);
        add(name, at, n, s, text);
        return s;
    }

    /** A length-prefixed opaque vector: records the length field ({@code name + "_length"}) and the bytes. */
    public Slice vector8(String name, String text) {
        int n = u8(lengthOf(name), v -> v + " bytes");
        return bytes(name, n, text);
    }

    public Slice vector16(String name, String text) {
        int n = u16(lengthOf(name), v -> v + " bytes");
        return bytes(name, n, text);
    }

    public Slice vector24(String name, String text) {
        int n = u24(lengthOf(name), v -> v + " bytes");
        return bytes(name, n, text);
    }

    /**
     * A sub-reader over the next {@code n} bytes, for a nested structure. Its fields are not added
     * here: the caller wraps them with {@link #group} once it knows what they mean.
     */
    public FieldReader sub(int n, String what) {
        int at = offset();
        Slice s = rawBytes(n, what);
        return new FieldReader(s, at, recording);
    }

    /** Adds a field whose content is the fields of a sub-reader (a vector, an extension body). */
    public void group(String name, int offset, int length, Object value, String text, FieldReader children) {
        if (!recording) {
            return;
        }
        fields.add(new Field(name, offset, length, value, text, children.fields));
    }

    /** Adds an already built field (for values computed from several wire fields). */
    public void add(Field field) {
        if (recording) {
            fields.add(field);
        }
    }

    public void add(String name, int offset, int length, Object value, String text) {
        if (!recording) {
            return;
        }
        fields.add(Field.leaf(name, offset, length, value, text));
    }

    /**
     * The name of {@code name}'s length field, {@code name_length}; a quiet reader records no names, so it
     * skips building one for every vector it reads.
     */
    public String lengthOf(String name) {
        return recording ? name + "_length" : name;
    }

    /** Every byte of a length-delimited structure must be used (RFC 8446 section 4: decode_error). */
    public void expectEnd(String what) {
        if (hasRemaining()) {
            throw DecodeException.decodeError(offset(), remaining() + " trailing bytes after " + what);
        }
    }

    private void need(int n, String what) {
        if (n < 0 || n > remaining()) {
            throw DecodeException.decodeError(offset(),
                    what + " needs " + n + " bytes, " + remaining() + " left");
        }
    }
}
