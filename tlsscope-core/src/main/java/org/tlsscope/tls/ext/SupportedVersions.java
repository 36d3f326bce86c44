package org.tlsscope.tls.ext;

import java.util.List;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.tls.registry.Registries;

/**
 * supported_versions (RFC 8446 section 4.2.1): the client's {@code ProtocolVersion versions<2..254>},
 * or the version a ServerHello or HelloRetryRequest selected.
 */
public sealed interface SupportedVersions extends ExtensionBody {

    /** ClientHello form. */
    record Versions(List<Integer> versions) implements SupportedVersions {
    }

    /** ServerHello and HelloRetryRequest form. */
    record SelectedVersion(int selectedVersion) implements SupportedVersions {
    }

    static ExtensionBody read(FieldReader r, MessageContext context) {
        if (context.clientHello()) {
            return new Versions(Vectors.codePoints(r, "versions", 1, 2, 2,
                    "version", Registries.PROTOCOL_VERSIONS.describer()));
        }
        if (context.is(MessageContext.SERVER_HELLO)) {
            return new SelectedVersion(r.u16("selected_version", Registries.PROTOCOL_VERSIONS.describer()));
        }
        return Opaque.read(r);
    }
}
