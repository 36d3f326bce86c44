package org.tlsscope.tls.ext;

import java.util.List;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;

/**
 * signed_certificate_timestamp (RFC 6962 section 3.3.1). The client (ClientHello, and the server in a
 * TLS 1.3 CertificateRequest) sends it empty to ask; the answer is a SignedCertificateTimestampList:
 * {@code SerializedSCT sct_list<1..2^16-1>}, {@code opaque SerializedSCT<1..2^16-1>}.
 */
public record SignedCertificateTimestamp(List<Slice> sctList) implements ExtensionBody {

    static SignedCertificateTimestamp read(FieldReader r, MessageContext context) {
        if (context.clientHello() || context.is(MessageContext.CERTIFICATE_REQUEST)) {
            return new SignedCertificateTimestamp(List.of());
        }
        return new SignedCertificateTimestamp(Vectors.list(r, "sct_list", 2, 1, 0,
                s -> Vectors.opaque(s, "serialized_sct", 2, 1, null)));
    }
}
