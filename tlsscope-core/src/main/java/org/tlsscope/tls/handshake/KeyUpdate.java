package org.tlsscope.tls.handshake;

import org.tlsscope.bytes.DecodeException;
import org.tlsscope.bytes.FieldReader;

/** KeyUpdate (RFC 8446 section 4.6.3). */
public record KeyUpdate(int requestUpdate) implements HandshakeMessage {
    @Override
    public int type() {
        return HandshakeType.KEY_UPDATE;
    }

    @Override
    public String name() {
        return "key_update";
    }

    static KeyUpdate parse(FieldReader r) {
        int at = r.offset();
        int request = r.u8("request_update", v -> switch (v) {
            case 0 -> "update_not_requested";
            case 1 -> "update_requested";
            default -> "invalid (" + v + ")";
        });
        if (request > 1) {
            // RFC 8446 section 4.6.3: any other value is an illegal_parameter alert.
            throw DecodeException.illegalParameter(at, "request_update " + request + " is neither 0 nor 1");
        }
        r.expectEnd("key_update");
        return new KeyUpdate(request);
    }
}
