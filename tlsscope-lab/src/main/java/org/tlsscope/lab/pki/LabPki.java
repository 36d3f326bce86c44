package org.tlsscope.lab.pki;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The lab's test PKI: a CA, a server certificate (localhost, 127.0.0.1, ::1) and a client certificate,
 * all RSA (the post's TLS_RSA_WITH_AES_256_CBC_SHA transports the premaster under the server's RSA key).
 * Generated on first use and kept as PEM in a directory, so repeated runs, and openssl or Wireshark given
 * {@code server.key}, see the same keys. Test-only material: never trust the CA outside the lab.
 */
public final class LabPki {
    public static final int DEFAULT_RSA_BITS = 2048;
    private static final Duration VALIDITY = Duration.ofDays(825);
    private static final JcaPEMKeyConverter CONVERTER = new JcaPEMKeyConverter();

    private final Path dir;
    private final Identity server;
    private final Identity client;
    private final X509CertificateHolder ca;

    private LabPki(Path dir, X509CertificateHolder ca, Identity server, Identity client) {
        this.dir = dir;
        this.ca = ca;
        this.server = server;
        this.client = client;
    }

    /** A certificate and its private key. */
    public record Identity(X509CertificateHolder certificate, PrivateKeyInfo key) {
    }

    /** Loads the PKI from {@code dir}, creating the directory and whatever files are missing. */
    public static LabPki loadOrCreate(Path dir, int rsaBits) throws IOException {
        Files.createDirectories(dir);
        try {
            Path caCert = dir.resolve("ca.pem");
            Path caKey = dir.resolve("ca.key");
            if (!Files.exists(caCert) || !Files.exists(caKey)) {
                KeyPair kp = rsa(rsaBits);
                X500Name name = new X500Name("CN=tlsscope lab CA (test only)");
                X509v3CertificateBuilder b = builder(name, name, kp.getPublic());
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                write(caCert, sign(b, kp.getPrivate()));
                write(caKey, PrivateKeyInfo.getInstance(kp.getPrivate().getEncoded()));
            }
            Identity caId = new Identity(read(caCert, X509CertificateHolder.class), readKey(caKey));
            Identity server = leaf(dir, "server", caId, rsaBits, KeyPurposeId.id_kp_serverAuth);
            Identity client = leaf(dir, "client", caId, rsaBits, KeyPurposeId.id_kp_clientAuth);
            return new LabPki(dir, caId.certificate(), server, client);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot create the lab certificates: " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public X509CertificateHolder ca() {
        return ca;
    }

    public Identity server() {
        return server;
    }

    public Identity client() {
        return client;
    }

    private static Identity leaf(Path dir, String role, Identity ca, int bits, KeyPurposeId purpose)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        Path cert = dir.resolve(role + ".pem");
        Path key = dir.resolve(role + ".key");
        if (!Files.exists(cert) || !Files.exists(key)) {
            boolean server = purpose == KeyPurposeId.id_kp_serverAuth;
            KeyPair kp = rsa(bits);
            X500Name subject = new X500Name(server ? "CN=localhost" : "CN=tlsscope lab client");
            X509v3CertificateBuilder b = builder(ca.certificate().getSubject(), subject, kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            if (server) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.iPAddress, "::1")}));
            }
            write(cert, sign(b, CONVERTER.getPrivateKey(ca.key())));
            write(key, PrivateKeyInfo.getInstance(kp.getPrivate().getEncoded()));
        }
        return new Identity(read(cert, X509CertificateHolder.class), readKey(key));
    }

    private static KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits, new SecureRandom());
        return g.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key) {
        // Backdated an hour so that a clock slightly behind the CA's does not reject the certificate.
        Instant now = Instant.now().minus(Duration.ofHours(1));
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()).setBit(63),
                Date.from(now), Date.from(now.plus(VALIDITY)), subject, key);
    }

    private static X509CertificateHolder sign(X509v3CertificateBuilder b, PrivateKey issuerKey) throws OperatorCreationException {
        return b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey));
    }

    private static void write(Path file, Object pem) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII); JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(pem);
        }
    }

    private static <T> T read(Path file, Class<T> type) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            Object o = p.readObject();
            if (type.isInstance(o)) {
                return type.cast(o);
            }
            throw new IOException(file + ": not a PEM " + type.getSimpleName());
        }
    }

    private static PrivateKeyInfo readKey(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            return switch (p.readObject()) {
                case PrivateKeyInfo k -> k;
                case PEMKeyPair kp -> kp.getPrivateKeyInfo();
                case null, default -> throw new IOException(file + ": not a PEM private key");
            };
        }
    }
}
