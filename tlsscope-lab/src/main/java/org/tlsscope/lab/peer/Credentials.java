package org.tlsscope.lab.peer;

import org.bouncycastle.tls.HashAlgorithm;
import java.io.IOException;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedDecryptor;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedDecryptor;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.tlsscope.lab.pki.LabPki;

/** A lab identity (leaf + CA) as Bouncy Castle TLS credentials, for RSA key transport or RSA signatures. */
final class Credentials {
    /**
     * RSA signature schemes we sign with, by preference: PSS first (the only RSA schemes TLS 1.3 allows
     * in CertificateVerify, RFC 8446 section 4.2.3), then PKCS#1 v1.5 for TLS 1.2 peers.
     */
    private static final List<SignatureAndHashAlgorithm> RSA_SCHEMES = List.of(
            SignatureAndHashAlgorithm.rsa_pss_rsae_sha256, SignatureAndHashAlgorithm.rsa_pss_rsae_sha384,
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa),
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha1, SignatureAlgorithm.rsa));

    private final LabPki.Identity identity;
    private final LabPki.Identity ca;

    Credentials(LabPki.Identity identity, LabPki.Identity ca) {
        this.identity = identity;
        this.ca = ca;
    }

    /** The chain (leaf, then CA) in the form the negotiated version sends it. */
    Certificate chain(BcTlsCrypto crypto, ProtocolVersion version) throws IOException {
        TlsCertificate leaf = crypto.createCertificate(identity.certificate().getEncoded());
        TlsCertificate root = crypto.createCertificate(ca.certificate().getEncoded());
        if (TlsUtils.isTLSv13(version)) {
            return new Certificate(TlsUtils.EMPTY_BYTES, new CertificateEntry[] {
                    new CertificateEntry(leaf, null), new CertificateEntry(root, null)});
        }
        return new Certificate(new TlsCertificate[] {leaf, root});
    }

    /** For TLS_RSA_* suites: the server decrypts the client's premaster secret. */
    TlsCredentialedDecryptor decryptor(BcTlsCrypto crypto, ProtocolVersion version) throws IOException {
        return new BcDefaultTlsCredentialedDecryptor(crypto, chain(crypto, version), (RSAKeyParameters) key());
    }

    /**
     * For signing suites and TLS 1.3; {@code peerSchemes} are the peer's signature_algorithms (null when it
     * sent none, or before TLS 1.2, where no scheme is named). Null when no scheme fits.
     */
    TlsCredentialedSigner signer(TlsContext context, BcTlsCrypto crypto, Vector<?> peerSchemes) throws IOException {
        ProtocolVersion version = context.getSecurityParametersHandshake().getNegotiatedVersion();
        SignatureAndHashAlgorithm scheme = null;
        if (TlsUtils.isSignatureAlgorithmsExtensionAllowed(version)) {
            boolean tls13 = TlsUtils.isTLSv13(version);
            // No signature_algorithms from a TLS 1.2 peer means {sha1, rsa} (RFC 5246 section 7.4.1.4.1).
            scheme = peerSchemes == null ? RSA_SCHEMES.getLast() : RSA_SCHEMES.stream()
                    .filter(s -> !tls13 || s.getSignature() != SignatureAlgorithm.rsa)
                    .filter(peerSchemes::contains)
                    .findFirst().orElse(null);
            if (scheme == null) {
                return null;
            }
        }
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, key(),
                chain(crypto, version), scheme);
    }

    private AsymmetricKeyParameter key() throws IOException {
        return PrivateKeyFactory.createKey(identity.key());
    }
}
