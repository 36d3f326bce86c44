package org.tlsscope.tls.handshake;

import org.tlsscope.bytes.Slice;

/**
 * One complete handshake message, framed but not yet dissected: its four-byte header
 * (msg_type, uint24 length; RFC 8446 section 4) and body.
 *
 * @param type           msg_type
 * @param bytes          header and body: a slice of the record when the message lies in one record,
 *                       else a copy gathered from the records it spans
 * @param recordOffset   offset of the message's first byte in the record that completes it, or -1
 *                       when the message began in an earlier record
 * @param recordsSpanned how many records carried the message (1 in the common case)
 */
public record RawMessage(int type, Slice bytes, int recordOffset, int recordsSpanned) {
    public static final int HEADER = 4;

    public Slice body() {
        return bytes.from(HEADER);
    }
}
