package org.tlsscope.tls.ext;

import org.tlsscope.bytes.FieldReader;
import org.tlsscope.tls.registry.Registries;

/** heartbeat (RFC 6520 section 2): {@code HeartbeatMode mode}, peer_allowed_to_send(1) or not(2). */
public record Heartbeat(int mode) implements ExtensionBody {

    static Heartbeat read(FieldReader r) {
        return new Heartbeat(r.u8("mode", Registries.HEARTBEAT_MODES.describer()));
    }
}
