package org.tlsscope.analysis.cert;

import java.util.Map;

/**
 * Names for the OIDs a certificate shows: the names OpenSSL prints for signature algorithms and public
 * keys, and RFC 5280's names for extended key usages.
 */
final class Oids {
    /** Signature algorithms: RFC 3279, RFC 4055, RFC 5758, RFC 8410, and the ML-DSA draft for X.509. */
    private static final Map<String, String> SIGNATURES = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.2", "md2WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.4", "md5WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.5", "sha1WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.10", "rsassaPss"),
            Map.entry("1.2.840.113549.1.1.11", "sha256WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.12", "sha384WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.13", "sha512WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.14", "sha224WithRSAEncryption"),
            Map.entry("1.3.14.3.2.29", "sha1WithRSA"),
            Map.entry("1.2.840.10040.4.3", "dsaWithSHA1"),
            Map.entry("2.16.840.1.101.3.4.3.1", "dsa_with_SHA224"),
            Map.entry("2.16.840.1.101.3.4.3.2", "dsa_with_SHA256"),
            Map.entry("1.2.840.10045.4.1", "ecdsa-with-SHA1"),
            Map.entry("1.2.840.10045.4.3.1", "ecdsa-with-SHA224"),
            Map.entry("1.2.840.10045.4.3.2", "ecdsa-with-SHA256"),
            Map.entry("1.2.840.10045.4.3.3", "ecdsa-with-SHA384"),
            Map.entry("1.2.840.10045.4.3.4", "ecdsa-with-SHA512"),
            Map.entry("1.3.101.112", "ED25519"),
            Map.entry("1.3.101.113", "ED448"),
            Map.entry("2.16.840.1.101.3.4.3.17", "ML-DSA-44"),
            Map.entry("2.16.840.1.101.3.4.3.18", "ML-DSA-65"),
            Map.entry("2.16.840.1.101.3.4.3.19", "ML-DSA-87"));

    /** SubjectPublicKeyInfo algorithms: RFC 3279, RFC 4055, RFC 5480, RFC 8410, ML-DSA. */
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.1", "RSA"),
            Map.entry("1.2.840.113549.1.1.10", "RSA-PSS"),
            Map.entry("1.2.840.10040.4.1", "DSA"),
            Map.entry("1.2.840.10046.2.1", "DH"),
            Map.entry("1.2.840.10045.2.1", "EC"),
            Map.entry("1.3.101.110", "X25519"),
            Map.entry("1.3.101.111", "X448"),
            Map.entry("1.3.101.112", "Ed25519"),
            Map.entry("1.3.101.113", "Ed448"),
            Map.entry("2.16.840.1.101.3.4.3.17", "ML-DSA-44"),
            Map.entry("2.16.840.1.101.3.4.3.18", "ML-DSA-65"),
            Map.entry("2.16.840.1.101.3.4.3.19", "ML-DSA-87"));

    /** extKeyUsage purposes: RFC 5280 section 4.2.1.12, RFC 4945 (IKE), and two Server Gated Crypto ones. */
    private static final Map<String, String> KEY_PURPOSES = Map.ofEntries(
            Map.entry("2.5.29.37.0", "anyExtendedKeyUsage"),
            Map.entry("1.3.6.1.5.5.7.3.1", "serverAuth"),
            Map.entry("1.3.6.1.5.5.7.3.2", "clientAuth"),
            Map.entry("1.3.6.1.5.5.7.3.3", "codeSigning"),
            Map.entry("1.3.6.1.5.5.7.3.4", "emailProtection"),
            Map.entry("1.3.6.1.5.5.7.3.8", "timeStamping"),
            Map.entry("1.3.6.1.5.5.7.3.9", "OCSPSigning"),
            Map.entry("1.3.6.1.5.5.7.3.17", "ipsecIKE"),
            Map.entry("1.3.6.1.4.1.311.10.3.3", "msSGC"),
            Map.entry("2.16.840.1.113730.4.1", "nsSGC"));

    private Oids() {
    }

    /** The signature algorithm's name, or {@code fallback} (the JDK's name) for an OID not listed. */
    static String signature(String oid, String fallback) {
        return SIGNATURES.getOrDefault(oid, fallback != null ? fallback : oid);
    }

    /** The public key algorithm's name, or the OID. */
    static String key(String oid) {
        return KEYS.getOrDefault(oid, oid);
    }

    /** The key purpose's name, or the OID. */
    static String keyPurpose(String oid) {
        return KEY_PURPOSES.getOrDefault(oid, oid);
    }
}
