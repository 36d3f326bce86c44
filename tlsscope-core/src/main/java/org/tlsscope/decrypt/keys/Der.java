package org.tlsscope.decrypt.keys;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Just enough DER (ITU-T X.690) for key files: walking the first levels of a structure to tell what
 * it is, and wrapping a PKCS#1 key into PKCS#8. Every length is checked against the bytes at hand.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;

    /** One element: its tag and where its content lies in {@code bytes}. */
    record Tlv(byte[] bytes, int tag, int contentStart, int end) {
        /** The content's elements, or null if they do not parse. */
        Tlv first() {
            return read(bytes, contentStart, end);
        }

        Tlv next(int limit) {
            return read(bytes, end, limit);
        }

        byte[] content() {
            return Arrays.copyOfRange(bytes, contentStart, end);
        }
    }

    private Der() {
    }

    /** The element at {@code at}, ending by {@code limit}, or null (truncated, indefinite or absurd length). */
    static Tlv read(byte[] bytes, int at, int limit) {
        if (at < 0 || at + 2 > limit || limit > bytes.length) {
            return null;
        }
        int tag = bytes[at] & 0xff;
        int first = bytes[at + 1] & 0xff;
        int p = at + 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int n = first & 0x7f;
            // 0x80 is BER's indefinite length, not DER; four length bytes cover any key file.
            if (n == 0 || n > 4 || p + n > limit) {
                return null;
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = length << 8 | (bytes[p++] & 0xff);
            }
        }
        if (length > limit - p) {
            return null;
        }
        return new Tlv(bytes, tag, p, p + (int) length);
    }

    /** A whole-input element: null unless {@code bytes} is exactly one element. */
    static Tlv whole(byte[] bytes) {
        Tlv t = read(bytes, 0, bytes.length);
        return t != null && t.end() == bytes.length ? t : null;
    }

    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        int n = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 6);
        out.write(tag);
        if (n < 0x80) {
            out.write(n);
        } else {
            byte[] length = BigInteger.valueOf(n).toByteArray();
            int skip = length[0] == 0 ? 1 : 0;
            out.write(0x80 | (length.length - skip));
            out.write(length, skip, length.length - skip);
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    /** An OBJECT IDENTIFIER's content in dotted form (X.690 section 8.19), or null if malformed. */
    static String oid(byte[] content) {
        StringBuilder b = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (int i = 0; i < content.length; i++) {
            if (value > Long.MAX_VALUE >>> 7) {
                return null;
            }
            value = value << 7 | (content[i] & 0x7f);
            if ((content[i] & 0x80) != 0) {
                continue;
            }
            if (first) {
                int arc = (int) Math.min(value / 40, 2);
                b.append(arc).append('.').append(value - 40L * arc);
                first = false;
            } else {
                b.append('.').append(value);
            }
            value = 0;
        }
        return first || (content[content.length - 1] & 0x80) != 0 ? null : b.toString();
    }
}
