package org.tlsscope.bytes;

import java.util.List;

/**
 * One decoded field: its RFC name, where its bytes are, its value and what it means. Offsets are
 * relative to the start of the unit being explained (a TLS record, header included), so the views
 * can point at the exact bytes, as the post's annotated dumps do.
 *
 * @param name     the RFC's name for the field, snake_case ("legacy_version", "cipher_suites")
 * @param offset   first byte of the field within the record
 * @param length   number of bytes of the field
 * @param value    the decoded value: Integer, Long, String, Boolean, a {@link Slice} for opaque bytes,
 *                 or null for a group whose content is its children
 * @param text     human meaning ("TLS 1.0", "46 bytes, 23 suites"), or null when the value says it all
 * @param children nested fields (a vector's elements, an extension's content)
 */
public record Field(String name, int offset, int length, Object value, String text, List<Field> children) {
    public Field {
        children = List.copyOf(children);
    }

    public static Field leaf(String name, int offset, int length, Object value, String text) {
        return new Field(name, offset, length, value, text, List.of());
    }

    /** The first direct child with this name, or null. */
    public Field child(String childName) {
        for (Field f : children) {
            if (f.name.equals(childName)) {
                return f;
            }
        }
        return null;
    }
}
