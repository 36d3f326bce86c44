package org.tlsscope.tls.record;

import org.tlsscope.bytes.Slice;

/**
 * The five-byte TLSPlaintext / TLSCiphertext header (RFC 5246 section 6.2.1, RFC 8446 section 5.1):
 * content type, legacy record version, length.
 */
public record RecordHeader(int contentType, int version, int length) {
    public static final int SIZE = 5;

    /** RFC 5246 section 6.2.1: a plaintext fragment is at most 2^14 bytes. */
    public static final int MAX_PLAINTEXT = 1 << 14;

    /**
     * RFC 5246 section 6.2.3: a TLSCiphertext fragment may exceed 2^14 by at most 2048 bytes (RFC 8446
     * section 5.2 allows 256 more bytes). Anything longer is a record_overflow.
     */
    public static final int MAX_CIPHERTEXT = MAX_PLAINTEXT + 2048;

    /** Reads a header at {@code at}; the caller has checked that five bytes are there. */
    public static RecordHeader peek(Slice s, int at) {
        return new RecordHeader(s.u8(at), s.u16(at + 1), s.u16(at + 3));
    }

    /**
     * Whether this could start a TLS record: a known content type, an SSL 3.0 .. TLS 1.3 record version
     * (major 3, minor 0 to 4; RFC 8446 section 5.1 keeps 0x0301..0x0303 on the wire) and a length within
     * the ciphertext bound. Used both to decide whether a stream is TLS at all and to find the next
     * record boundary after a gap.
     */
    public boolean plausible() {
        return ContentType.isKnown(contentType) && (version >> 8) == 3 && (version & 0xff) <= 4
                && length <= MAX_CIPHERTEXT && (length > 0 || contentType == ContentType.APPLICATION_DATA);
    }

    /**
     * Whether the plausible header at {@code at} is borne out by the bytes after it: its record ends
     * exactly where {@code data} ends, or another plausible header starts where it ends. One plausible
     * header alone is too easily matched by chance; a chain of two is what finding a record boundary in
     * the middle of a stream rests on.
     */
    public static boolean confirmed(Slice data, int at) {
        int end = at + SIZE + peek(data, at).length();
        return end == data.length() || (end + SIZE <= data.length() && peek(data, end).plausible());
    }
}
