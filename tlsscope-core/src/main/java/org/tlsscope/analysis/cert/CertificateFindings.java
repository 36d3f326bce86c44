package org.tlsscope.analysis.cert;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tlsscope.analysis.Finding;
import org.tlsscope.analysis.Severity;
import org.tlsscope.tls.connection.ConnectionReport;

/**
 * What is wrong with a connection's server chain, as findings with a stable code each: a certificate that
 * does not parse, one expired or not yet valid at capture time, a self-signed leaf, a broken or
 * misordered chain, an SNI the leaf does not name, MD5 or SHA-1 signatures, weak keys. The findings stage
 * calls {@link #of(ConnectionReport)}.
 */
public final class CertificateFindings {
    private static final int TLS13 = 0x0304;
    private static final Set<String> MD5 = Set.of("1.2.840.113549.1.1.4");
    private static final Set<String> SHA1 = Set.of("1.2.840.113549.1.1.5", "1.3.14.3.2.29", "1.2.840.10045.4.1",
            "1.2.840.10040.4.3");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private CertificateFindings() {
    }

    /** The findings about the server's first readable chain; none when there was none. */
    public static List<Finding> of(ConnectionReport report) {
        return of(ChainCheck.of(report), report.connection().id(), report.certificateFrame(), report.version() == TLS13);
    }

    /**
     * @param connection the connection id the findings name
     * @param frame      the frame that carried the chain
     * @param tls13      whether the chain came in a TLS 1.3 Certificate message (which RFC to cite for order)
     */
    public static List<Finding> of(ChainCheck check, int connection, long frame, boolean tls13) {
        List<Finding> out = new ArrayList<>();
        String chainRfc = tls13 ? "RFC 8446 section 4.4.2" : "RFC 5246 section 7.4.2";
        List<ParsedCertificate> chain = check.certificates();
        for (int i = 0; i < chain.size(); i++) {
            switch (chain.get(i)) {
                case ParsedCertificate.Unparsable u -> out.add(new Finding("cert.unparsable", Severity.ERROR, connection, frame, -1,
                        "certificate " + i + " (sha256 " + u.sha256() + ") does not parse: " + u.reason(), "RFC 5280 section 4.1"));
                case ParsedCertificate.Readable r -> certificate(out, check, i, r.info(), connection, frame);
            }
        }
        if (check.selfSignedLeaf()) {
            out.add(new Finding("cert.self_signed", Severity.WARNING, connection, frame, -1, "the server's certificate ("
                    + subject(chain, 0) + ") is self-signed: no certification authority vouches for it", "RFC 5280 section 6.1"));
        }
        for (ChainCheck.Link link : check.links()) {
            int i = link.index();
            boolean bothRead = chain.get(i) instanceof ParsedCertificate.Readable && chain.get(i + 1) instanceof ParsedCertificate.Readable;
            if (!bothRead || !link.broken() || check.misplaced().contains(i)) {
                continue;
            }
            String why = link.namesMatch() ? "its signature does not verify with that certificate's key"
                    : "it names " + issuer(chain, i) + " as its issuer";
            out.add(new Finding("cert.chain_broken", Severity.ERROR, connection, frame, -1, "certificate " + i + " ("
                    + subject(chain, i) + ") is not issued by certificate " + (i + 1) + " (" + subject(chain, i + 1) + "): " + why, chainRfc));
        }
        for (int i : check.misplaced()) {
            out.add(new Finding("cert.chain_out_of_order", Severity.WARNING, connection, frame, -1, "certificate " + i
                    + " (" + subject(chain, i) + ") is issued by a certificate elsewhere in the chain than the next one", chainRfc));
        }
        if (Boolean.FALSE.equals(check.sniMatches()) && chain.getFirst() instanceof ParsedCertificate.Readable leaf) {
            out.add(new Finding("cert.sni_mismatch", Severity.WARNING, connection, frame, -1, "the client asked for "
                    + check.sni() + " but the server's certificate names " + String.join(", ", HostnameMatch.presentedNames(leaf.info())),
                    "RFC 6125 section 6.4"));
        }
        return out;
    }

    /** One readable certificate's own findings: validity at capture time, signature algorithm, key. */
    private static void certificate(List<Finding> out, ChainCheck check, int i, CertificateInfo c, int connection, long frame) {
        Instant at = check.at();
        if (at != null && at.isAfter(c.notAfter())) {
            out.add(new Finding("cert.expired", Severity.ERROR, connection, frame, -1, who(i, c) + " expired on "
                    + TIME.format(c.notAfter()) + ", before the capture (" + TIME.format(at) + ")", "RFC 5280 section 4.1.2.5"));
        }
        if (at != null && at.isBefore(c.notBefore())) {
            out.add(new Finding("cert.not_yet_valid", Severity.ERROR, connection, frame, -1, who(i, c) + " is valid only from "
                    + TIME.format(c.notBefore()) + ", after the capture (" + TIME.format(at) + ")", "RFC 5280 section 4.1.2.5"));
        }
        // A root's signature on itself is never relied on: only the signatures of issued certificates count.
        boolean reliedOn = i == 0 || !check.selfSigned().get(i);
        if (reliedOn && MD5.contains(c.signatureOid())) {
            out.add(new Finding("cert.signature_md5", Severity.ERROR, connection, frame, -1, who(i, c) + " is signed with "
                    + c.signatureAlgorithm() + ": MD5 collisions let an attacker forge such a signature", "RFC 6151 section 2"));
        }
        if (reliedOn && SHA1.contains(c.signatureOid())) {
            out.add(new Finding("cert.signature_sha1", Severity.WARNING, connection, frame, -1, who(i, c) + " is signed with "
                    + c.signatureAlgorithm() + ": SHA-1 collisions are practical (SHAttered, 2017)",
                    "CA/Browser Forum Baseline Requirements section 7.1.3.2; shattered.io"));
        }
        String weak = weakKey(c.key());
        if (weak != null) {
            out.add(new Finding("cert.key_weak", Severity.WARNING, connection, frame, -1, who(i, c) + " has " + weak,
                    "NIST SP 800-131A Rev. 2; CA/Browser Forum Baseline Requirements section 6.1.5"));
        }
    }

    /** Why the key is weak, or null: RSA under 2048 bits, any DSA, an EC curve under 224 bits or not a named one. */
    static String weakKey(CertificateInfo.PublicKeyInfo key) {
        return switch (key.type()) {
            case "RSA", "RSA-PSS" -> key.bits() < 2048 ? "a " + key.bits() + "-bit RSA key (at least 2048 bits are needed)" : null;
            case "DSA" -> "a DSA key (" + key.bits() + " bits; DSA is no longer approved for signatures, FIPS 186-5)";
            case "EC" -> key.curve() == null ? "an EC key with explicit curve parameters (RFC 5480 section 2.1.1 allows named curves only)"
                    : key.bits() < 224 ? "an EC key on " + key.curve() + " (" + key.bits() + " bits, under 224)" : null;
            default -> null;
        };
    }

    /** How a finding names a certificate: made only for a finding, not for every certificate of every connection. */
    private static String who(int i, CertificateInfo c) {
        return "certificate " + i + " (" + c.subject() + ")";
    }

    private static String subject(List<ParsedCertificate> chain, int i) {
        return chain.get(i) instanceof ParsedCertificate.Readable r ? r.info().subject() : "unparsable";
    }

    private static String issuer(List<ParsedCertificate> chain, int i) {
        return chain.get(i) instanceof ParsedCertificate.Readable r ? r.info().issuer() : "unparsable";
    }
}
