package org.tlsscope.tls.handshake;

import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.registry.Registries;

/**
 * CertificateVerify (RFC 8446 section 4.4.3, RFC 5246 section 7.4.8). Before TLS 1.2 the signature
 * has no algorithm field: {@code algorithm} is then -1.
 */
public record CertificateVerify(int algorithm, Slice signature) implements HandshakeMessage {
    @Override
    public int type() {
        return HandshakeType.CERTIFICATE_VERIFY;
    }

    @Override
    public String name() {
        return "certificate_verify";
    }

    static CertificateVerify parse(FieldReader r, DissectionContext ctx) {
        int algorithm = ctx.hasSignatureAlgorithms() ? r.u16("algorithm", Registries.SIGNATURE_SCHEMES.namer()) : -1;
        Slice signature = r.vector16("signature", null);
        r.expectEnd("certificate_verify");
        return new CertificateVerify(algorithm, signature);
    }
}
