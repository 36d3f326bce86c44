package org.tlsscope.tls.ext;

import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;

/**
 * An RFC 8701 GREASE extension type (0x0A0A, 0x1A1A, ..): meaningless by design, sent so that servers
 * keep ignoring unknown extensions. Its content is arbitrary and kept as is.
 */
public record Grease(Slice extensionData) implements ExtensionBody {

    static Grease read(FieldReader r) {
        return new Grease(r.bytes("extension_data", r.remaining(), "GREASE (RFC 8701), ignored by design"));
    }
}
