package org.tlsscope.tls.handshake;

import java.util.List;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.ext.ExtensionsReader;

/**
 * NewSessionTicket: the TLS 1.2 form (RFC 5077 section 3.3: lifetime hint and ticket) or the TLS 1.3
 * form (RFC 8446 section 4.6.1: lifetime, age add, nonce, ticket, extensions). The 1.2-only fields are
 * null in a 1.3 ticket's absent parts.
 */
public record NewSessionTicket(long lifetime, Long ticketAgeAdd, Slice ticketNonce, Slice ticket,
                               List<Extension> extensions) implements HandshakeMessage {
    @Override
    public int type() {
        return HandshakeType.NEW_SESSION_TICKET;
    }

    @Override
    public String name() {
        return "new_session_ticket";
    }

    static NewSessionTicket parse(FieldReader r, DissectionContext ctx) {
        if (!ctx.tls13()) {
            long hint = r.u32("ticket_lifetime_hint", null);
            Slice ticket = r.vector16("ticket", null);
            r.expectEnd("new_session_ticket");
            return new NewSessionTicket(hint, null, null, ticket, List.of());
        }
        long lifetime = r.u32("ticket_lifetime", null);
        long ageAdd = r.u32("ticket_age_add", null);
        Slice nonce = r.vector8("ticket_nonce", null);
        Slice ticket = r.vector16("ticket", null);
        List<Extension> extensions = ExtensionsReader.read(r, HandshakeType.NEW_SESSION_TICKET, false);
        r.expectEnd("new_session_ticket");
        return new NewSessionTicket(lifetime, ageAdd, nonce, ticket, extensions);
    }
}
