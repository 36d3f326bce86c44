package org.tlsscope.tls.ext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.tlsscope.bytes.DecodeException;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;

/**
 * The TLS presentation language's vectors (RFC 8446 section 3.4), read with the floor their
 * definition sets: {@code T list<2..2^16-2>} has a length field, at least 2 bytes, and a whole number of
 * elements. A length that breaks the definition is a decode_error at the length field.
 */
final class Vectors {
    private Vectors() {
    }

    /**
     * Reads {@code name_length} ({@code lengthBytes} wide), then the elements, each with
     * {@code element}, and records them as a group {@code name} whose text is "n elements".
     *
     * @param elementSize width of a fixed-size element, or 0 for variable-size elements
     */
    static <T> List<T> list(FieldReader r, String name, int lengthBytes, int minLength, int elementSize,
                            Function<FieldReader, T> element) {
        int lengthAt = r.offset();
        int length = lengthBytes == 1
                ? r.u8(r.lengthOf(name), Vectors::bytes)
                : r.u16(r.lengthOf(name), Vectors::bytes);
        if (length < minLength) {
            throw DecodeException.decodeError(lengthAt,
                    name + " is " + length + " bytes, its definition requires at least " + minLength);
        }
        if (elementSize > 1 && length % elementSize != 0) {
            throw DecodeException.decodeError(lengthAt,
                    name + " is " + length + " bytes, not a whole number of " + elementSize + "-byte elements");
        }
        int listAt = r.offset();
        FieldReader items = r.sub(length, name);
        List<T> out = new ArrayList<>(elementSize > 0 ? length / elementSize : 4);
        while (items.hasRemaining()) {
            out.add(element.apply(items));
        }
        if (r.recording()) {
            r.group(name, listAt, length, null, out.size() + (out.size() == 1 ? " element" : " elements"), items);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * {@code opaque name<minLength..2^(8*lengthBytes)-1>}: records {@code name_length}, then {@code name}
     * with the slice as its value and {@code text} applied to it.
     */
    static Slice opaque(FieldReader r, String name, int lengthBytes, int minLength, Function<Slice, String> text) {
        int lengthAt = r.offset();
        int length = switch (lengthBytes) {
            case 1 -> r.u8(r.lengthOf(name), Vectors::bytes);
            case 2 -> r.u16(r.lengthOf(name), Vectors::bytes);
            default -> r.u24(r.lengthOf(name), Vectors::bytes);
        };
        if (length < minLength) {
            throw DecodeException.decodeError(lengthAt,
                    name + " is " + length + " bytes, its definition requires at least " + minLength);
        }
        int at = r.offset();
        Slice value = r.rawBytes(length, name);
        r.add(name, at, length, value, text == null || !r.recording() ? null : text.apply(value));
        return value;
    }

    static String bytes(int n) {
        return n == 1 ? "1 byte" : n + " bytes";
    }
}
