package org.tlsscope.tls.handshake;

import org.tlsscope.bytes.FieldReader;

/** Messages with an empty body: any byte in them is a decode_error. */
final class Empty {
    private Empty() {
    }

    static void parse(FieldReader r, String name) {
        r.expectEnd(name);
    }
}
