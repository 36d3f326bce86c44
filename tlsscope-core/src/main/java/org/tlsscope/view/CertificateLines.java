package org.tlsscope.view;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.tlsscope.analysis.cert.CertificateInfo;
import org.tlsscope.analysis.cert.ChainCheck;
import org.tlsscope.analysis.cert.ParsedCertificate;

/** The text view's lines for a server chain: one per certificate, then the chain's verdict. */
final class CertificateLines {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private CertificateLines() {
    }

    /** "  cert 0: ..." for each certificate and "  chain: ..."; nothing without a chain. */
    static List<String> of(ChainCheck check) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < check.certificates().size(); i++) {
            lines.add("  cert " + i + ": " + summary(check.certificates().get(i)));
        }
        if (!lines.isEmpty()) {
            lines.add("  chain: " + verdict(check));
        }
        return lines;
    }

    /** "CN=a, issuer CN=b, RSA 2048, sha256WithRSAEncryption, valid 2026-11-29..2036-11-26, SAN a b, sha256 76926f6c..". */
    static String summary(ParsedCertificate certificate) {
        String sha256 = "sha256 " + certificate.sha256().substring(0, 8) + "..";
        return switch (certificate) {
            case ParsedCertificate.Unparsable u -> "unparsable (" + u.reason() + "), " + sha256;
            case ParsedCertificate.Readable r -> {
                CertificateInfo c = r.info();
                String sans = c.subjectAltNames().isEmpty() ? ""
                        : ", SAN " + String.join(" ", c.subjectAltNames().stream().map(CertificateInfo.SubjectAltName::value).toList());
                yield c.subject() + ", issuer " + c.issuer() + ", " + c.key() + ", " + c.signatureAlgorithm() + ", valid "
                        + DAY.format(c.notBefore()) + ".." + DAY.format(c.notAfter()) + sans + ", " + sha256;
            }
        };
    }

    /** "3 certificates, in order, signatures verified, ends at a self-signed root, valid at capture (..), SNI a matches". */
    static String verdict(ChainCheck check) {
        int n = check.certificates().size();
        List<String> parts = new ArrayList<>(List.of(n + (n == 1 ? " certificate" : " certificates"),
                check.ordered() ? "in order" : "out of order"));
        boolean failed = check.links().stream().anyMatch(l -> l.signature() == ChainCheck.Signature.FAILED)
                || check.lastSelfSignature() == ChainCheck.Signature.FAILED;
        if (failed) {
            parts.add("a signature does not verify");
        } else if (!check.selfSignedRoot() && check.links().isEmpty()) {
            parts.add("issuer not sent");
        } else {
            parts.add(check.signaturesVerified() ? "signatures verified" : "signatures not all checked");
        }
        if (check.selfSignedLeaf()) {
            parts.add("self-signed");
        } else if (check.selfSignedRoot()) {
            parts.add("ends at a self-signed root");
        }
        Instant at = check.at();
        parts.add((check.validAtCapture() ? "valid at capture (" : "not valid at capture (") + TIME.format(at) + ")");
        if (check.sni() != null && check.sniMatches() != null) {
            parts.add("SNI " + check.sni() + (check.sniMatches() ? " matches" : " not among its names"));
        }
        return String.join(", ", parts);
    }
}
