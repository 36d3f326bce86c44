package org.tlsscope.tls.ext;

import java.util.Optional;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.registry.Registries;

/**
 * One extension of a hello (or of an EncryptedExtensions, CertificateRequest, NewSessionTicket or
 * Certificate entry), RFC 8446 section 4.2: {@code struct { ExtensionType extension_type; opaque
 * extension_data<0..2^16-1>; } Extension;}
 *
 * @param type   extension_type, any value (unknown ones survive as {@link Opaque})
 * @param offset first byte of the extension (its type field) within the record
 * @param length bytes of the whole extension: type, length and extension_data
 * @param data   extension_data, a view of the input (no copy)
 * @param body   extension_data decoded in the form the enclosing message gives it
 */
public record Extension(int type, int offset, int length, Slice data, ExtensionBody body) {

    /** The registry name of the type ("server_name", "GREASE (0x0a0a)", "unknown (0x1234)"). */
    public String name() {
        return Registries.EXTENSION_TYPES.name(type);
    }

    /** Why extension_data could not be decoded, when it could not. */
    public Optional<Malformed> malformed() {
        return body instanceof Opaque(_, var problem) ? problem : Optional.empty();
    }
}
