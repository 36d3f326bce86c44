package org.tlsscope.tls.connection;

import java.util.List;
import org.tlsscope.bytes.Field;
import org.tlsscope.bytes.Slice;
import org.tlsscope.net.TcpSegment;
import org.tlsscope.tcp.Direction;
import org.tlsscope.tcp.TcpConnection;
import org.tlsscope.tls.handshake.ParsedMessage;
import org.tlsscope.tls.record.TlsRecord;

/**
 * One TLS record as the views see it.
 *
 * @param connection the TCP connection it belongs to
 * @param direction  who sent it
 * @param index      1-based record number within the connection
 * @param flight     flight number (1 = the client's first, 2 = the server's answer, ..., as the post
 *                   numbers them), or 0 for application data after the handshake
 * @param record     the framed record; its bytes are valid only during the callback
 * @param encrypted  whether the fragment is ciphertext this analysis could not read
 * @param opened     the record's real content type and plaintext when it was opened with keys, else null;
 *                   the plaintext is valid only during the callback
 * @param fields     the record header's fields, then those of an alert, change_cipher_spec or heartbeat
 *                   body (offsets relative to the record's first byte)
 * @param messages   handshake messages completed by this record (their fields' offsets are relative to
 *                   each message's first byte)
 * @param label      what the record carries, in a few words ("client_hello", "encrypted handshake")
 * @param segment    the TCP segment that delivered the record's last byte (for its link, IP and TCP
 *                   headers), valid only during the callback
 */
public record RecordEvent(TcpConnection connection, Direction direction, int index, int flight, TlsRecord record,
                          boolean encrypted, Decrypted.Opened opened, List<Field> fields, List<ParsedMessage> messages, String label,
                          TcpSegment segment) {
    /** Whether the record was protected and opened with keys. */
    public boolean decrypted() {
        return opened != null;
    }

    /** The decrypted content, or null. */
    public Slice plaintext() {
        return opened == null ? null : opened.plaintext();
    }

    /** The content type: the real one of a decrypted record (TLS 1.3's inner type), else the header's. */
    public int contentType() {
        return opened != null ? opened.contentType() : record.header().contentType();
    }

    public long frame() {
        return record.frame();
    }
}
