package org.tlsscope.analysis.cert;

import java.time.Instant;
import java.util.List;

/**
 * What one X.509 certificate says (RFC 5280 section 4.1), as tlsscope prints it.
 *
 * @param subject            the subject's distinguished name, RFC 4514 string ("CN=server.test,O=Example")
 * @param issuer             the issuer's, likewise
 * @param serial             the serial number in lower-case hex, whole bytes ("01", "79ef..")
 * @param notBefore          start of the validity period (RFC 5280 section 4.1.2.5)
 * @param notAfter           its end, inclusive
 * @param key                the subject public key's type and size
 * @param signatureAlgorithm the issuer's signature algorithm, by its usual name ("sha256WithRSAEncryption")
 * @param signatureOid       and its OID ("1.2.840.113549.1.1.11")
 * @param subjectAltNames    the subjectAltName extension's names, in order (RFC 5280 section 4.2.1.6)
 * @param basicConstraints   the basicConstraints extension, or null when absent (RFC 5280 section 4.2.1.9)
 * @param keyUsage           the keyUsage bits set, by RFC 5280 section 4.2.1.3's names; empty when absent
 * @param extendedKeyUsage   extKeyUsage purposes by name ("serverAuth"), an unknown one by OID; empty when absent
 * @param sha256             SHA-256 of the DER, lower-case hex
 * @param sha1               SHA-1 of the DER, lower-case hex
 */
public record CertificateInfo(String subject, String issuer, String serial, Instant notBefore, Instant notAfter,
                              PublicKeyInfo key, String signatureAlgorithm, String signatureOid,
                              List<SubjectAltName> subjectAltNames, BasicConstraints basicConstraints,
                              List<String> keyUsage, List<String> extendedKeyUsage, String sha256, String sha1) {

    public CertificateInfo {
        subjectAltNames = List.copyOf(subjectAltNames);
        keyUsage = List.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
    }

    /**
     * The subject public key.
     *
     * @param type  "RSA", "RSA-PSS", "DSA", "EC", "Ed25519", "Ed448", "ML-DSA-44" .., else the algorithm OID
     * @param bits  the modulus (RSA), prime p (DSA) or field (EC) size in bits; 0 where there is no such size
     * @param curve an EC key's named curve ("secp256r1", else its OID), null for explicit parameters or other keys
     */
    public record PublicKeyInfo(String type, int bits, String curve) {
        /** "RSA 2048", "EC secp256r1", "EC explicit 256", "Ed25519". */
        @Override
        public String toString() {
            if (type.equals("EC")) {
                return curve != null ? "EC " + curve : "EC explicit " + bits;
            }
            return bits > 0 ? type + " " + bits : type;
        }
    }

    /**
     * One GeneralName of subjectAltName.
     *
     * @param type  "DNS", "IP", "email", "URI", "dirName", "RID", or "otherName", "x400Address", "ediPartyName"
     * @param value the name; for the last three, the DER of the name in hex
     */
    public record SubjectAltName(String type, String value) {
        @Override
        public String toString() {
            return type + ":" + value;
        }
    }

    /**
     * @param ca         whether the subject is a CA
     * @param pathLength pathLenConstraint, or null when unlimited or absent
     */
    public record BasicConstraints(boolean ca, Integer pathLength) {
    }

    /** The DNS names of subjectAltName. */
    public List<String> dnsNames() {
        return subjectAltNames.stream().filter(n -> n.type().equals("DNS")).map(SubjectAltName::value).toList();
    }
}
