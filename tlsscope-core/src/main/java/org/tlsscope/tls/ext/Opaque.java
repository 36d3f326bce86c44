package org.tlsscope.tls.ext;

import java.util.Optional;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;

/**
 * extension_data that is not decoded: an extension type without a decoder here, a known type in a
 * message that does not define its form, or a body that failed to decode ({@code malformed}).
 */
public record Opaque(Slice extensionData, Optional<Malformed> malformed) implements ExtensionBody {

    static Opaque read(FieldReader r) {
        return new Opaque(r.bytes("extension_data", r.remaining(), null), Optional.empty());
    }
}
