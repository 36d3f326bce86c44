package org.tlsscope.tls.ext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.tlsscope.bytes.DecodeException;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.IntList;
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
        FieldReader items = items(r, name, lengthBytes, minLength, elementSize);
        int listAt = items.offset();
        List<T> out = new ArrayList<>(elementSize > 0 ? items.remaining() / elementSize : 4);
        while (items.hasRemaining()) {
            out.add(element.apply(items));
        }
        group(r, name, listAt, items, out.size());
        return Collections.unmodifiableList(out);
    }

    /**
     * A vector of {@code width}-byte code points ({@code NamedGroup named_group_list<2..2^16-1>}), read as
     * {@link #list} reads one, each element recorded as {@code element} and named by {@code describe}, and
     * held unboxed.
     */
    static IntList codePoints(FieldReader r, String name, int lengthBytes, int minLength, int width, String element,
                              IntFunction<String> describe) {
        FieldReader items = items(r, name, lengthBytes, minLength, width);
        int listAt = items.offset();
        // The vector's bytes are all there (items holds them), so its element count sizes the array.
        int[] values = new int[items.remaining() / width];
        for (int i = 0; i < values.length; i++) {
            values[i] = width == 1 ? items.u8(element, describe) : items.u16(element, describe);
        }
        group(r, name, listAt, items, values.length);
        return IntList.wrap(values, values.length);
    }

    /** Reads {@code name_length} and checks it against the vector's definition: a reader over its elements. */
    private static FieldReader items(FieldReader r, String name, int lengthBytes, int minLength, int elementSize) {
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
        return r.sub(length, name);
    }

    /** Records the elements read as a group whose text is "n elements". */
    private static void group(FieldReader r, String name, int listAt, FieldReader items, int count) {
        if (r.recording()) {
            r.group(name, listAt, items.offset() - listAt, null, count + (count == 1 ? " element" : " elements"), items);
        }
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
