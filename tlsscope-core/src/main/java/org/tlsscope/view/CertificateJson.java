package org.tlsscope.view;

import java.time.Instant;
import org.tlsscope.analysis.cert.CertificateInfo;
import org.tlsscope.analysis.cert.ChainCheck;
import org.tlsscope.analysis.cert.ParsedCertificate;

/** The connection object's "certificates" array and "chain" object (README, JSON contract). */
final class CertificateJson {
    private CertificateJson() {
    }

    static void write(Json j, ChainCheck check) {
        j.beginArray("certificates");
        for (int i = 0; i < check.certificates().size(); i++) {
            certificate(j.element().field("position", i), check.certificates().get(i)).close();
        }
        j.endArray();
        if (check.certificates().isEmpty()) {
            j.key("chain").value(null);
            return;
        }
        j.key("chain").open().field("ordered", check.ordered()).field("signatures_verified", check.signaturesVerified())
                .field("self_signed_root", check.selfSignedRoot()).field("valid_at_capture", check.validAtCapture())
                .key("sni_matches").value(check.sniMatches()).field("checked_at", time(check.at())).close();
    }

    /** Every key always present: null where an unparsable certificate has no value. */
    private static Json certificate(Json j, ParsedCertificate certificate) {
        CertificateInfo c = certificate instanceof ParsedCertificate.Readable r ? r.info() : null;
        j.field("unparsable", certificate instanceof ParsedCertificate.Unparsable u ? u.reason() : null)
                .field("subject", c == null ? null : c.subject()).field("issuer", c == null ? null : c.issuer())
                .field("serial", c == null ? null : c.serial())
                .field("not_before", c == null ? null : time(c.notBefore())).field("not_after", c == null ? null : time(c.notAfter()))
                .field("key_type", c == null ? null : c.key().type())
                .fieldOrNull("key_bits", c == null || c.key().bits() == 0 ? null : c.key().bits())
                .field("key_curve", c == null ? null : c.key().curve())
                .field("signature_algorithm", c == null ? null : c.signatureAlgorithm())
                .field("signature_algorithm_oid", c == null ? null : c.signatureOid());
        j.beginArray("subject_alt_names");
        if (c != null) {
            c.subjectAltNames().forEach(n -> j.element().field("type", n.type()).field("value", n.value()).close());
        }
        j.endArray();
        if (c == null || c.basicConstraints() == null) {
            j.key("basic_constraints").value(null);
        } else {
            j.key("basic_constraints").open().field("ca", c.basicConstraints().ca())
                    .fieldOrNull("path_length", c.basicConstraints().pathLength()).close();
        }
        j.beginArray("key_usage");
        if (c != null) {
            c.keyUsage().forEach(j::stringElement);
        }
        j.endArray().beginArray("extended_key_usage");
        if (c != null) {
            c.extendedKeyUsage().forEach(j::stringElement);
        }
        return j.endArray().field("sha256", certificate.sha256()).field("sha1", certificate.sha1());
    }

    /** ISO 8601 in UTC, "1999-05-31T01:26:35Z". */
    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
