package org.tlsscope.tls.record;

import org.tlsscope.bytes.Slice;

/**
 * One record as framed from a TCP stream.
 *
 * @param header       the decoded header
 * @param bytes        header and fragment, or null when the fragment was skipped unread (application
 *                     data nobody asked to see): valid only during the callback that delivers it
 * @param streamOffset offset of the header's first byte in its direction's TCP stream
 * @param frame        number of the frame that delivered the record's last byte
 * @param sslv2        an SSL 2.0-compatible ClientHello (RFC 5246 appendix E.2), whose two-byte header
 *                     is not a TLS header: {@code header} then holds content type 22, version 0x0002
 */
public record TlsRecord(RecordHeader header, Slice bytes, long streamOffset, long frame, boolean sslv2) {
    public int headerLength() {
        return sslv2 ? 2 : RecordHeader.SIZE;
    }

    /** The fragment (what follows the header), or null when it was skipped. */
    public Slice fragment() {
        return bytes == null ? null : bytes.from(headerLength());
    }
}
