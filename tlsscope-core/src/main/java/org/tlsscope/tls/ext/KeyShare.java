package org.tlsscope.tls.ext;

import java.util.List;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.registry.Registries;

/**
 * key_share (RFC 8446 section 4.2.8), in its three forms: KeyShareClientHello, KeyShareServerHello
 * and KeyShareHelloRetryRequest.
 */
public sealed interface KeyShare extends ExtensionBody {

    /** {@code struct { NamedGroup group; opaque key_exchange<1..2^16-1>; } KeyShareEntry;} */
    record KeyShareEntry(int group, Slice keyExchange) {
        static KeyShareEntry read(FieldReader r) {
            int group = r.u16("group", Registries.NAMED_GROUPS.describer());
            return new KeyShareEntry(group, Vectors.opaque(r, "key_exchange", 2, 1, null));
        }
    }

    /** ClientHello: {@code KeyShareEntry client_shares<0..2^16-1>}, empty to ask for a HelloRetryRequest. */
    record ClientShares(List<KeyShareEntry> clientShares) implements KeyShare {
    }

    /** ServerHello: the one share the server chose. */
    record ServerShare(KeyShareEntry serverShare) implements KeyShare {
    }

    /** HelloRetryRequest: the group the client must offer a share for. */
    record SelectedGroup(int selectedGroup) implements KeyShare {
    }

    static ExtensionBody read(FieldReader r, MessageContext context) {
        if (context.clientHello()) {
            return new ClientShares(Vectors.list(r, "client_shares", 2, 0, 0, KeyShareEntry::read));
        }
        if (context.helloRetry()) {
            return new SelectedGroup(r.u16("selected_group", Registries.NAMED_GROUPS.describer()));
        }
        if (context.serverHello()) {
            return new ServerShare(KeyShareEntry.read(r));
        }
        return Opaque.read(r);
    }
}
