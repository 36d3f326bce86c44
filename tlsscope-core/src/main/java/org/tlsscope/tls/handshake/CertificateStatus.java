package org.tlsscope.tls.handshake;

import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.registry.Registries;

/** CertificateStatus (RFC 6066 section 8): a stapled OCSP response, kept as DER. */
public record CertificateStatus(int statusType, Slice response) implements HandshakeMessage {
    @Override
    public int type() {
        return HandshakeType.CERTIFICATE_STATUS;
    }

    @Override
    public String name() {
        return "certificate_status";
    }

    static CertificateStatus parse(FieldReader r) {
        int statusType = r.u8("status_type", Registries.CERTIFICATE_STATUS_TYPES.namer());
        Slice response = r.vector24("response", "DER OCSPResponse");
        r.expectEnd("certificate_status");
        return new CertificateStatus(statusType, response);
    }
}
