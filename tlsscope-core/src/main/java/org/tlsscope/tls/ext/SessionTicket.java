package org.tlsscope.tls.ext;

import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;

/**
 * session_ticket (RFC 5077 section 3.2): the whole extension_data is the ticket, empty when a client
 * asks for a new one or a server promises to send one.
 */
public record SessionTicket(Slice ticket) implements ExtensionBody {

    static SessionTicket read(FieldReader r) {
        int n = r.remaining();
        return new SessionTicket(r.bytes("ticket", n, n == 0 ? "empty" : Vectors.bytes(n)));
    }
}
