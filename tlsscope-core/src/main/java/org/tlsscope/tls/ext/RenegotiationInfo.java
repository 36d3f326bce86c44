package org.tlsscope.tls.ext;

import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;

/**
 * renegotiation_info (RFC 5746 section 3.2): {@code opaque renegotiated_connection<0..255>}, empty on
 * the first handshake, the previous Finished verify_data on a renegotiation.
 */
public record RenegotiationInfo(Slice renegotiatedConnection) implements ExtensionBody {

    static RenegotiationInfo read(FieldReader r) {
        return new RenegotiationInfo(Vectors.opaque(r, "renegotiated_connection", 1, 0,
                s -> s.isEmpty() ? "empty: initial handshake" : "verify_data of the previous handshake"));
    }
}
