package org.tlsscope.tls.handshake;

import java.util.ArrayList;
import java.util.List;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.ext.ExtensionsReader;
import org.tlsscope.tls.registry.Registries;

/**
 * CertificateRequest. TLS 1.0-1.2 form (RFC 5246 section 7.4.4; the signature algorithms appear from
 * TLS 1.2 on): certificate types, signature algorithms, acceptable CA names. TLS 1.3 form (RFC 8446
 * section 4.3.2): a request context and extensions.
 */
public record CertificateRequest(List<Integer> certificateTypes, List<Integer> supportedSignatureAlgorithms,
                                 List<Slice> certificateAuthorities, Slice requestContext,
                                 List<Extension> extensions) implements HandshakeMessage {
    @Override
    public int type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    @Override
    public String name() {
        return "certificate_request";
    }

    static CertificateRequest parse(FieldReader r, DissectionContext ctx) {
        if (ctx.tls13()) {
            Slice context = r.vector8("certificate_request_context", null);
            List<Extension> extensions = ExtensionsReader.read(r, HandshakeType.CERTIFICATE_REQUEST, false);
            r.expectEnd("certificate_request");
            return new CertificateRequest(List.of(), List.of(), List.of(), context, extensions);
        }
        int typesLen = r.u8("certificate_types_length", v -> v + " bytes");
        int typesAt = r.offset();
        FieldReader typesList = r.sub(typesLen, "certificate_types");
        List<Integer> types = new ArrayList<>();
        while (typesList.hasRemaining()) {
            types.add(typesList.u8("certificate_type", Registries.CLIENT_CERTIFICATE_TYPES.namer()));
        }
        r.group("certificate_types", typesAt, typesLen, null, null, typesList);
        List<Integer> algorithms = new ArrayList<>();
        if (ctx.hasSignatureAlgorithms()) {
            int algLen = r.u16("supported_signature_algorithms_length", v -> v + " bytes");
            int algAt = r.offset();
            FieldReader algList = r.sub(algLen, "supported_signature_algorithms");
            while (algList.hasRemaining()) {
                algorithms.add(algList.u16("signature_algorithm", Registries.SIGNATURE_SCHEMES.namer()));
            }
            r.group("supported_signature_algorithms", algAt, algLen, null, null, algList);
        }
        int caLen = r.u16("certificate_authorities_length", v -> v + " bytes");
        int caAt = r.offset();
        FieldReader caList = r.sub(caLen, "certificate_authorities");
        List<Slice> authorities = new ArrayList<>();
        while (caList.hasRemaining()) {
            authorities.add(caList.vector16("distinguished_name", "DER Name"));
        }
        r.group("certificate_authorities", caAt, caLen, null, authorities.size() + " names", caList);
        r.expectEnd("certificate_request");
        return new CertificateRequest(List.copyOf(types), List.copyOf(algorithms), List.copyOf(authorities), null,
                List.of());
    }
}
