package org.tlsscope.tls.ext;

import java.util.List;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.registry.Registries;

/**
 * status_request (RFC 6066 section 8). A ClientHello (and a TLS 1.3 CertificateRequest) carries a
 * CertificateStatusRequest; a TLS 1.2 ServerHello answers with empty extension_data; a TLS 1.3
 * Certificate entry carries the CertificateStatus itself (RFC 8446 section 4.4.2.1).
 */
public sealed interface StatusRequest extends ExtensionBody {
    /** CertificateStatusType ocsp (RFC 6066 section 8). */
    int OCSP = 1;

    /**
     * CertificateStatusRequest with status_type ocsp: {@code ResponderID responder_id_list<0..2^16-1>}
     * ({@code opaque ResponderID<1..2^16-1>}) and DER {@code opaque Extensions<0..2^16-1>}.
     */
    record OcspStatusRequest(List<Slice> responderIdList, Slice requestExtensions) implements StatusRequest {
    }

    /** CertificateStatusRequest of a status_type this decoder has no structure for: kept opaque. */
    record OtherStatusRequest(int statusType, Slice request) implements StatusRequest {
    }

    /** ServerHello: empty, the server will send a CertificateStatus message. */
    record Acknowledgement() implements StatusRequest {
    }

    /**
     * Certificate entry (TLS 1.3): {@code struct { CertificateStatusType status_type; select (status_type)
     * { case ocsp: OCSPResponse; } response; }}, {@code opaque OCSPResponse<1..2^24-1>}.
     */
    record CertificateStatus(int statusType, Slice response) implements StatusRequest {
    }

    static StatusRequest read(FieldReader r, MessageContext context) {
        if (context.clientHello() || context.is(MessageContext.CERTIFICATE_REQUEST)) {
            int type = r.u8("status_type", Registries.CERTIFICATE_STATUS_TYPES.describer());
            if (type != OCSP) {
                return new OtherStatusRequest(type, r.bytes("request", r.remaining(), null));
            }
            List<Slice> responders = Vectors.list(r, "responder_id_list", 2, 0, 0,
                    i -> Vectors.opaque(i, "responder_id", 2, 1, null));
            return new OcspStatusRequest(responders, Vectors.opaque(r, "request_extensions", 2, 0, null));
        }
        if (context.is(MessageContext.CERTIFICATE)) {
            int type = r.u8("status_type", Registries.CERTIFICATE_STATUS_TYPES.describer());
            Slice response = type == OCSP
                    ? Vectors.opaque(r, "ocsp_response", 3, 1, s -> Vectors.bytes(s.length()))
                    : r.bytes("response", r.remaining(), null);
            return new CertificateStatus(type, response);
        }
        return new Acknowledgement();
    }
}
