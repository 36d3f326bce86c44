package org.tlsscope.tls.ext;

import java.util.List;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.tls.registry.Registries;

/** compress_certificate (RFC 8879 section 3): {@code CertificateCompressionAlgorithm algorithms<2..2^8-2>}. */
public record CompressCertificate(List<Integer> algorithms) implements ExtensionBody {

    static CompressCertificate read(FieldReader r) {
        return new CompressCertificate(Vectors.codePoints(r, "algorithms", 1, 2, 2,
                "algorithm", Registries.CERTIFICATE_COMPRESSION_ALGORITHMS.describer()));
    }
}
