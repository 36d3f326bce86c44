package org.tlsscope.bytes;

/**
 * A structure that cannot be what its lengths or values claim. Carries the offset at which the
 * structure broke and the TLS alert a conforming peer would send (RFC 8446 section 6.2), so that a
 * malformed message is reported the way an implementation would reject it.
 *
 * <p>Thrown only inside a complete, length-delimited unit (a record fragment or a handshake message
 * body); the layer that framed that unit catches it and turns it into a finding. Incomplete input at
 * the stream level is never an exception: framing peeks and waits for more bytes.
 */
public final class DecodeException extends RuntimeException {
    private final int offset;
    private final String alert;

    public DecodeException(int offset, String alert, String reason) {
        super(reason, null, false, false);
        this.offset = offset;
        this.alert = alert;
    }

    public static DecodeException decodeError(int offset, String reason) {
        return new DecodeException(offset, "decode_error", reason);
    }

    public static DecodeException illegalParameter(int offset, String reason) {
        return new DecodeException(offset, "illegal_parameter", reason);
    }

    /** Offset of the failure, relative to the start of the record (or message) being decoded. */
    public int offset() {
        return offset;
    }

    public String alert() {
        return alert;
    }

    public String reason() {
        return getMessage();
    }
}
