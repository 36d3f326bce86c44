package org.tlsscope.tls.ext;

import java.util.List;
import org.tlsscope.bytes.DecodeException;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;

/** pre_shared_key (RFC 8446 section 4.2.11): the client's OfferedPsks or the server's selected_identity. */
public sealed interface PreSharedKey extends ExtensionBody {

    /** {@code struct { opaque identity<1..2^16-1>; uint32 obfuscated_ticket_age; } PskIdentity;} */
    record PskIdentity(Slice identity, long obfuscatedTicketAge) {
        static PskIdentity read(FieldReader r) {
            Slice identity = Vectors.opaque(r, "identity", 2, 1, null);
            return new PskIdentity(identity, r.u32("obfuscated_ticket_age", null));
        }
    }

    /**
     * ClientHello: {@code PskIdentity identities<7..2^16-1>; PskBinderEntry binders<33..2^16-1>;}, with
     * {@code opaque PskBinderEntry<32..255>}, one binder per identity.
     */
    record OfferedPsks(List<PskIdentity> identities, List<Slice> binders) implements PreSharedKey {
    }

    /** ServerHello: the index of the identity the server accepted. */
    record SelectedIdentity(int selectedIdentity) implements PreSharedKey {
    }

    static ExtensionBody read(FieldReader r, MessageContext context) {
        if (context.clientHello()) {
            List<PskIdentity> identities = Vectors.list(r, "identities", 2, 7, 0, PskIdentity::read);
            int bindersAt = r.offset();
            List<Slice> binders = Vectors.list(r, "binders", 2, 33, 0,
                    b -> Vectors.opaque(b, "binder", 1, 32, null));
            // RFC 8446 section 4.2.11: "the server MUST validate the PSK binder value ... If this value
            // is not present or does not validate, the server MUST abort the handshake"; a binder
            // count that does not match the identities cannot validate.
            if (binders.size() != identities.size()) {
                throw DecodeException.illegalParameter(bindersAt,
                        binders.size() + " binders for " + identities.size() + " identities");
            }
            return new OfferedPsks(identities, binders);
        }
        if (context.serverHello()) {
            return new SelectedIdentity(r.u16("selected_identity", null));
        }
        return Opaque.read(r);
    }
}
