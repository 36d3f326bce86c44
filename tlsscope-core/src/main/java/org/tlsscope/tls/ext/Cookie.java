package org.tlsscope.tls.ext;

import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;

/** cookie (RFC 8446 section 4.2.2): {@code opaque cookie<1..2^16-1>}, echoed from a HelloRetryRequest. */
public record Cookie(Slice cookie) implements ExtensionBody {

    static Cookie read(FieldReader r) {
        return new Cookie(Vectors.opaque(r, "cookie", 2, 1, null));
    }
}
