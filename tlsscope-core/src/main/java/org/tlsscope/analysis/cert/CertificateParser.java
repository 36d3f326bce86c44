package org.tlsscope.analysis.cert;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.tlsscope.analysis.ByteKey;
import org.tlsscope.analysis.Memo;
import org.tlsscope.bytes.Slice;

/**
 * Reads DER certificates with the JDK's X.509 {@link CertificateFactory}. Whatever goes wrong (a cut DER,
 * an extension that does not decode, a key the JDK cannot read) gives an {@link ParsedCertificate.Unparsable}
 * with the reason, never an exception.
 */
public final class CertificateParser {
    /** RFC 5280 section 4.2.1.3's names of the keyUsage bits, in bit order as the JDK returns them. */
    private static final List<String> KEY_USAGE = List.of("digitalSignature", "nonRepudiation", "keyEncipherment",
            "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly");

    /**
     * Attribute types outside RFC 4514 section 3's short list that certificates commonly carry, named as
     * OpenSSL names them rather than printed as "OID=#hex".
     */
    private static final Map<String, String> NAME_KEYWORDS = Map.of(
            "1.2.840.113549.1.9.1", "emailAddress",
            "2.5.4.5", "serialNumber",
            "2.5.4.4", "SN",
            "2.5.4.42", "GN",
            "2.5.4.12", "title",
            "2.5.4.15", "businessCategory",
            "2.5.4.17", "postalCode",
            "1.3.6.1.4.1.311.60.2.1.3", "jurisdictionC",
            "1.3.6.1.4.1.311.60.2.1.2", "jurisdictionST",
            "1.3.6.1.4.1.311.60.2.1.1", "jurisdictionL");

    private static final String BASIC_CONSTRAINTS = "2.5.29.19";

    private CertificateParser() {
    }

    private static final Memo<ByteKey, ParsedCertificate> PARSED = new Memo<>(1024);

    /** The certificate read from its DER; the same bytes seen again give the same answer without being read again. */
    public static ParsedCertificate parse(Slice der) {
        return parse(new ByteKey(der.toArray()));
    }

    static ParsedCertificate parse(ByteKey der) {
        return PARSED.get(der, d -> read(d.bytes()));
    }

    private static ParsedCertificate read(byte[] bytes) {
        String sha256 = digest("SHA-256", bytes);
        String sha1 = digest("SHA-1", bytes);
        X509Certificate x509;
        try {
            x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(bytes));
        } catch (CertificateException | RuntimeException e) {
            return new ParsedCertificate.Unparsable(reason(e), sha256, sha1);
        }
        try {
            CertificateInfo info = new CertificateInfo(name(x509.getSubjectX500Principal()),
                    name(x509.getIssuerX500Principal()), serial(x509.getSerialNumber()),
                    x509.getNotBefore().toInstant(), x509.getNotAfter().toInstant(), PublicKeys.describe(x509.getPublicKey()),
                    Oids.signature(x509.getSigAlgOID(), x509.getSigAlgName()), x509.getSigAlgOID(),
                    subjectAltNames(x509), basicConstraints(x509), keyUsage(x509), extendedKeyUsage(x509), sha256, sha1);
            return new ParsedCertificate.Readable(info, x509);
        } catch (CertificateParsingException | RuntimeException e) {
            return new ParsedCertificate.Unparsable(reason(e), sha256, sha1);
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    static String name(X500Principal p) {
        return p.getName(X500Principal.RFC2253, NAME_KEYWORDS);
    }

    /** Lower-case hex of whole bytes, as OpenSSL prints a serial; RFC 5280 section 4.1.2.2 wants it positive. */
    private static String serial(BigInteger serial) {
        String hex = serial.abs().toString(16);
        return (serial.signum() < 0 ? "-" : "") + (hex.length() % 2 == 1 ? "0" + hex : hex);
    }

    /** GeneralName (RFC 5280 section 4.2.1.6) by the JDK's tag numbers. */
    private static List<CertificateInfo.SubjectAltName> subjectAltNames(X509Certificate x509) throws CertificateParsingException {
        Collection<List<?>> names = x509.getSubjectAlternativeNames();
        if (names == null) {
            return List.of();
        }
        List<CertificateInfo.SubjectAltName> out = new ArrayList<>();
        for (List<?> n : names) {
            String type = switch ((Integer) n.get(0)) {
                case 0 -> "otherName";
                case 1 -> "email";
                case 2 -> "DNS";
                case 3 -> "x400Address";
                case 4 -> "dirName";
                case 5 -> "ediPartyName";
                case 6 -> "URI";
                case 7 -> "IP";
                case 8 -> "RID";
                default -> "unknown";
            };
            Object value = n.get(1);
            out.add(new CertificateInfo.SubjectAltName(type,
                    value instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(value)));
        }
        return out;
    }

    private static CertificateInfo.BasicConstraints basicConstraints(X509Certificate x509) {
        if (x509.getExtensionValue(BASIC_CONSTRAINTS) == null) {
            return null;
        }
        int path = x509.getBasicConstraints();
        return new CertificateInfo.BasicConstraints(path >= 0, path >= 0 && path < Integer.MAX_VALUE ? path : null);
    }

    private static List<String> keyUsage(X509Certificate x509) {
        boolean[] bits = x509.getKeyUsage();
        List<String> out = new ArrayList<>();
        for (int i = 0; bits != null && i < bits.length; i++) {
            if (bits[i]) {
                out.add(i < KEY_USAGE.size() ? KEY_USAGE.get(i) : "bit" + i);
            }
        }
        return out;
    }

    private static List<String> extendedKeyUsage(X509Certificate x509) throws CertificateParsingException {
        List<String> oids = x509.getExtendedKeyUsage();
        return oids == null ? List.of() : oids.stream().map(Oids::keyPurpose).toList();
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }
}
