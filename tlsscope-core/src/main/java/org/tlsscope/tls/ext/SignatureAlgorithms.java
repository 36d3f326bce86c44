package org.tlsscope.tls.ext;

import java.util.List;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.tls.registry.Registries;

/**
 * signature_algorithms and signature_algorithms_cert (RFC 8446 section 4.2.3), one structure:
 * {@code SignatureScheme supported_signature_algorithms<2..2^16-2>}. In TLS 1.2 the same two bytes are
 * a (hash, signature) pair (RFC 5246 section 7.4.1.4.1), which the SignatureScheme table also names.
 */
public record SignatureAlgorithms(List<Integer> supportedSignatureAlgorithms) implements ExtensionBody {

    static SignatureAlgorithms read(FieldReader r) {
        return new SignatureAlgorithms(Vectors.codePoints(r, "supported_signature_algorithms", 2, 2, 2,
                "signature_scheme", Registries.SIGNATURE_SCHEMES.describer()));
    }
}
