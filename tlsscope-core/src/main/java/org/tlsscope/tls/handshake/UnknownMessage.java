package org.tlsscope.tls.handshake;

import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.registry.Registries;

/** A handshake message the dissector does not decode field by field: named from the registry, body kept. */
public record UnknownMessage(int type, Slice body) implements HandshakeMessage {
    @Override
    public String name() {
        return Registries.HANDSHAKE_TYPES.name(type);
    }
}
