package org.tlsscope.ja4plus;

import org.tlsscope.bytes.Slice;

/**
 * A bounds-checked reader of DER TLVs (ITU-T X.690 section 8.1 with the DER restrictions of section 10):
 * one-byte tags, definite lengths of up to four bytes. Just enough to walk an X.509 certificate's
 * structure for JA4X; every length is checked against what is left, and anything else is
 * {@link Malformed}.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;

    /** One element: its tag byte and its content octets. */
    record Tlv(int tag, Slice content) {
    }

    /** The input is not the DER this reader expects; caught by the caller, never shown as a trace. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final Slice input;
    private int position;

    Der(Slice input) {
        this.input = input;
    }

    boolean hasMore() {
        return position < input.length();
    }

    /** The next element's tag without consuming it. */
    int peekTag() {
        need(1);
        return input.u8(position);
    }

    Tlv next() {
        need(2);
        int tag = input.u8(position);
        if ((tag & 0x1f) == 0x1f) {
            throw new Malformed("multi-byte tag at " + position);
        }
        int first = input.u8(position + 1);
        position += 2;
        long length = first;
        if (first >= 0x80) {
            int octets = first & 0x7f;
            // 0x80 is BER's indefinite length, which DER forbids (X.690 section 10.1).
            if (octets == 0 || octets > 4) {
                throw new Malformed("length with " + octets + " octets at " + position);
            }
            need(octets);
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = length << 8 | input.u8(position++);
            }
        }
        if (length > input.length() - position) {
            throw new Malformed("length " + length + " past the end at " + position);
        }
        Tlv tlv = new Tlv(tag, input.slice(position, (int) length));
        position += (int) length;
        return tlv;
    }

    /** The next element, which must carry {@code tag}. */
    Tlv expect(int tag) {
        Tlv tlv = next();
        if (tlv.tag() != tag) {
            throw new Malformed(String.format("tag 0x%02x where 0x%02x was expected", tlv.tag(), tag));
        }
        return tlv;
    }

    private void need(int bytes) {
        if (bytes > input.length() - position) {
            throw new Malformed("truncated at " + position);
        }
    }
}
