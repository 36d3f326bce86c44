package org.tlsscope.tls.connection;

import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.record.ContentType;
import org.tlsscope.tls.record.RecordHeader;

/**
 * Recognizes TLS by content, on any port: where in a direction's bytes the first TLS record starts.
 *
 * <p>A stream whose start was captured is TLS when it opens with a record header. Otherwise (STARTTLS
 * after a plaintext exchange, or a capture that began mid-connection) the detector looks for a hello:
 * a handshake record header followed by a client_hello or server_hello message header; and, for a
 * mid-stream pickup, for a record header confirmed by the next one. A direction that shows none of
 * these within {@link #BUDGET} bytes is not TLS.
 */
final class TlsDetector {
    static final int BUDGET = 64 * 1024;
    static final int NOT_FOUND = -1;
    /** Bytes kept from one segment to the next while looking, so a header cut in two is still found. */
    static final int OVERLAP = RecordHeader.SIZE + 4;

    private TlsDetector() {
    }

    /** Whether the bytes open with a TLS record header (or an SSL 2.0 hello). */
    static boolean startsWithRecord(Slice data) {
        if (data.length() >= 3 && (data.u8(0) & 0x80) != 0 && data.u8(2) == 1) {
            return true; // SSL 2.0-compatible CLIENT-HELLO; the framer confirms the rest
        }
        return data.length() >= RecordHeader.SIZE && RecordHeader.peek(data, 0).plausible();
    }

    /** The offset of the first hello record in {@code data}, or {@link #NOT_FOUND}. */
    static int findHello(Slice data) {
        for (int i = 0; i + RecordHeader.SIZE + 4 <= data.length(); i++) {
            if (data.u8(i) != ContentType.HANDSHAKE || data.u8(i + 1) != 3 || data.u8(i + 2) > 4) {
                continue;
            }
            RecordHeader h = RecordHeader.peek(data, i);
            int msgType = data.u8(i + RecordHeader.SIZE);
            int msgLen = data.u24(i + RecordHeader.SIZE + 1);
            if (h.plausible() && (msgType == 1 || msgType == 2) && msgLen >= 38 && msgLen < 1 << 20) {
                return i;
            }
        }
        return NOT_FOUND;
    }

    /** For a stream picked up mid-connection: a record header followed by another one. */
    static int findRecordBoundary(Slice data) {
        for (int i = 0; i + RecordHeader.SIZE <= data.length(); i++) {
            RecordHeader h = RecordHeader.peek(data, i);
            // A record that merely ends with the segment must also be long enough not to be chance.
            boolean endsWithData = i + RecordHeader.SIZE + h.length() == data.length();
            if (h.plausible() && RecordHeader.confirmed(data, i) && (!endsWithData || h.length() >= 16)) {
                return i;
            }
        }
        return NOT_FOUND;
    }
}
