package org.tlsscope.analysis.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsscope.bytes.Slice;
import org.tlsscope.testing.Corpus;
import org.tlsscope.testing.Openssl;

/**
 * Every field of {@link CertificateInfo} against OpenSSL 3's reading of the same DER
 * ({@code openssl x509 -inform DER -text}, {@code -subject -issuer -serial -startdate -enddate
 * -nameopt RFC2253}, {@code -fingerprint -sha256 / -sha1}), for every certificate, client's and
 * server's, of the recorded fixtures (decrypted, so TLS 1.3's too) and of corpus captures chosen for
 * their certificates. OpenSSL's display names are mapped to the RFC names tlsscope prints by the
 * tables below; a name missing from them fails the test rather than passing unchecked.
 */
class CertificateInfoOpensslTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/openssl");

    /** The corpus captures whose MANIFEST.tsv contents mention certificate edge cases. */
    private static final List<String> CORPUS = List.of(
            "suricata-verify/tls/tls-subjectaltname/input.pcap", // 40 connections, many SAN lists and wildcards
            "zeek/tls/ml-dsa-44-cert.pcap",                      // post-quantum ML-DSA-44, unknown to OpenSSL 3.0
            "zeek/tls/tls-expired-cert.pcap",                    // expired chain, SHA-1 VeriSign roots, EKU OIDs
            "ndpi/ssl-cert-name-mismatch.pcap",                  // badssl.com's wrong.host
            "zeek/tls/missing-intermediate.pcap");

    private static final Map<String, String> KEY_TYPES = Map.of("rsaEncryption", "RSA", "rsassaPss", "RSA-PSS",
            "id-ecPublicKey", "EC", "dsaEncryption", "DSA", "ED25519", "Ed25519", "ED448", "Ed448");

    /** Algorithms OpenSSL 3.0 prints as bare OIDs: names from NIST's CSOR registry (FIPS 204 ML-DSA). */
    private static final Map<String, String> NEWER_THAN_OPENSSL = Map.of("2.16.840.1.101.3.4.3.17", "ML-DSA-44");

    /** OpenSSL names P-256 and P-192 by their X9.62 names; SEC 2 names the same curves secp256r1 and secp192r1. */
    private static final Map<String, String> X962_CURVES = Map.of("prime256v1", "secp256r1", "prime192v1", "secp192r1");

    private static final Map<String, String> KEY_USAGE = Map.of("Digital Signature", "digitalSignature",
            "Non Repudiation", "nonRepudiation", "Key Encipherment", "keyEncipherment",
            "Data Encipherment", "dataEncipherment", "Key Agreement", "keyAgreement", "Certificate Sign", "keyCertSign",
            "CRL Sign", "cRLSign", "Encipher Only", "encipherOnly", "Decipher Only", "decipherOnly");

    private static final Map<String, String> KEY_PURPOSES = Map.ofEntries(
            Map.entry("TLS Web Server Authentication", "serverAuth"), Map.entry("TLS Web Client Authentication", "clientAuth"),
            Map.entry("Code Signing", "codeSigning"), Map.entry("E-mail Protection", "emailProtection"),
            Map.entry("Time Stamping", "timeStamping"), Map.entry("OCSP Signing", "OCSPSigning"),
            Map.entry("Any Extended Key Usage", "anyExtendedKeyUsage"), Map.entry("ipsec Internet Key Exchange", "ipsecIKE"),
            Map.entry("Microsoft Server Gated Crypto", "msSGC"), Map.entry("Netscape Server Gated Crypto", "nsSGC"));

    private static final Map<String, String> SAN_TYPES = Map.of("DNS", "DNS", "IP Address", "IP", "email", "email", "URI", "URI");

    private static final DateTimeFormatter OPENSSL_TIME = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ENGLISH);

    @TempDir
    Path temp;

    static Stream<String> sources() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return Stream.concat(files.filter(p -> p.toString().endsWith(".pcap")).map(p -> p.getFileName().toString()).sorted()
                    .toList().stream(), CORPUS.stream());
        }
    }

    /** The made chains of fixtures/certs: a pathLenConstraint, an IP address name, key usages, a SHA-1 leaf. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("madeChains")
    void madeChainsAsOpensslReadsThem(String pem) throws IOException {
        assumeTrue(Openssl.available(), "openssl not installed");
        compare(TestChains.der(pem));
    }

    static Stream<String> madeChains() {
        return Stream.of("root.pem", "intermediate.pem", "leaf.pem", "weak-sha1.pem");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void everyFieldAsOpensslReadsIt(String source) throws IOException {
        assumeTrue(Openssl.available(), "openssl not installed");
        Path capture = source.contains("/") ? Corpus.file(source) : FIXTURES.resolve(source);
        Path keys = FIXTURES.resolve(source.replace(".pcap", ".keys"));
        List<Slice> certificates = CapturedCertificates.all(capture, Files.exists(keys) ? keys : null);
        // Only the handshake that fails at once has no certificate.
        assertThat(certificates.isEmpty()).as(source).isEqualTo(source.contains("handshake-failure"));
        for (Slice der : certificates) {
            compare(der);
        }
    }

    private void compare(Slice der) throws IOException {
        Path file = temp.resolve("cert.der");
        Files.write(file, der.toArray());
        ParsedCertificate parsed = CertificateParser.parse(der);
        assertThat(parsed).isInstanceOf(ParsedCertificate.Readable.class);
        CertificateInfo info = ((ParsedCertificate.Readable) parsed).info();
        String in = file.toString();
        String names = Openssl.run("x509", "-inform", "DER", "-in", in, "-noout", "-subject", "-issuer", "-serial",
                "-startdate", "-enddate", "-nameopt", "RFC2253,-esc_msb");
        String sha256 = Openssl.run("x509", "-inform", "DER", "-in", in, "-noout", "-fingerprint", "-sha256");
        String sha1 = Openssl.run("x509", "-inform", "DER", "-in", in, "-noout", "-fingerprint", "-sha1");
        String text = Openssl.run("x509", "-inform", "DER", "-in", in, "-noout", "-text");
        String what = info.subject() + " " + info.sha256();

        assertSameName(info.subject(), line(names, "subject="), what);
        assertSameName(info.issuer(), line(names, "issuer="), what);
        assertThat(info.serial()).as(what).isEqualToIgnoringCase(line(names, "serial="));
        assertThat(info.notBefore()).as(what).isEqualTo(time(line(names, "notBefore=")));
        assertThat(info.notAfter()).as(what).isEqualTo(time(line(names, "notAfter=")));
        assertThat(info.sha256()).as(what).isEqualTo(fingerprint(sha256));
        assertThat(info.sha1()).as(what).isEqualTo(fingerprint(sha1));

        String signature = first(text, "Signature Algorithm: (\\S+)");
        assertThat(info.signatureAlgorithm()).as(what).isEqualTo(NEWER_THAN_OPENSSL.getOrDefault(signature, signature));
        if (signature.matches("[0-9.]+")) {
            assertThat(info.signatureOid()).as(what).isEqualTo(signature);
        }
        String keyAlgorithm = first(text, "Public Key Algorithm: (\\S+)");
        String keyType = KEY_TYPES.getOrDefault(keyAlgorithm, NEWER_THAN_OPENSSL.get(keyAlgorithm));
        assertThat(keyType).as("key algorithm %s known to the test", keyAlgorithm).isNotNull();
        assertThat(info.key().type()).as(what).isEqualTo(keyType);
        String bits = first(text, "Public-Key: \\((\\d+) bit\\)");
        if (bits != null) {
            assertThat(info.key().bits()).as(what).isEqualTo(Integer.parseInt(bits));
        }
        String curve = first(text, "ASN1 OID: (\\S+)");
        assertThat(info.key().curve()).as(what).isEqualTo(curve == null ? null : X962_CURVES.getOrDefault(curve, curve));

        assertThat(info.subjectAltNames().stream().filter(n -> SAN_TYPES.containsValue(n.type()))
                .map(n -> n.type() + ":" + n.value().toLowerCase(Locale.ROOT)).toList()).as(what).isEqualTo(sans(text));
        String constraints = extension(text, "X509v3 Basic Constraints");
        assertThat(info.basicConstraints()).as(what).isEqualTo(constraints == null ? null : new CertificateInfo.BasicConstraints(
                constraints.startsWith("CA:TRUE"), constraints.contains("pathlen:")
                ? Integer.valueOf(constraints.replaceAll(".*pathlen:(\\d+).*", "$1")) : null));
        assertThat(info.keyUsage()).as(what).isEqualTo(named(extension(text, "X509v3 Key Usage"), KEY_USAGE));
        assertThat(info.extendedKeyUsage()).as(what).isEqualTo(named(extension(text, "X509v3 Extended Key Usage"), KEY_PURPOSES));
    }

    /**
     * RFC 4514 strings, attribute by attribute. Where an attribute type has no RFC 4514 keyword (nor one of
     * ours), tlsscope writes it as RFC 4514 section 2.4 says, dotted OID and hex DER ("2.5.29.17=#1419..");
     * OpenSSL writes its own name for the OID and the string: those attributes are compared by position only.
     */
    private static void assertSameName(String ours, String openssl, String what) {
        List<String> a = List.of(ours.split("(?<!\\\\),"));
        List<String> b = List.of(openssl.split("(?<!\\\\),"));
        assertThat(a).as(what).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).matches("[0-9.]+=#[0-9a-f]+")) {
                assertThat(a.get(i)).as(what + ": " + ours).isEqualTo(b.get(i));
            }
        }
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst().orElseThrow();
    }

    private static Instant time(String openssl) {
        return LocalDateTime.parse(openssl, OPENSSL_TIME).toInstant(ZoneOffset.UTC);
    }

    private static String fingerprint(String openssl) {
        return openssl.trim().replaceAll(".*Fingerprint=", "").replace(":", "").toLowerCase(Locale.ROOT);
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** The line after an extension's heading, or null when the certificate has no such extension. */
    private static String extension(String text, String heading) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).trim().startsWith(heading + ":")) {
                return lines.get(i + 1).trim();
            }
        }
        return null;
    }

    /** DNS, IP, email and URI names as "type:value", lower case (OpenSSL writes IPv6 in upper case). */
    private static List<String> sans(String text) {
        String line = extension(text, "X509v3 Subject Alternative Name");
        List<String> out = new ArrayList<>();
        for (String item : line == null ? new String[0] : line.split(", ")) {
            int colon = item.indexOf(':');
            String type = SAN_TYPES.get(item.substring(0, Math.max(colon, 0)));
            if (type != null) {
                out.add(type + ":" + item.substring(colon + 1).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** OpenSSL's comma-separated display names mapped to ours; a dotted OID stays as it is. */
    private static List<String> named(String line, Map<String, String> names) {
        if (line == null) {
            return List.of();
        }
        return Arrays.stream(line.split(", ")).map(n -> {
            String ours = n.matches("[0-9.]+") ? n : names.get(n);
            assertThat(ours).as("OpenSSL's name %s known to the test", n).isNotNull();
            return ours;
        }).toList();
    }
}
