package org.tlsscope.decrypt.keys;

import java.io.IOException;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import org.tlsscope.bytes.Slice;

/**
 * CONTRACT STUB: server RSA private keys (PEM: PKCS#1, PKCS#8, encrypted PKCS#8 with a password; other
 * PEM blocks and comment lines around them are skipped), matched to servers by their certificate.
 */
public final class RsaKeys {
    /** Loads every RSA private key in the file; an unreadable file or wrong password is an IOException with a plain message. */
    public void load(Path pem, char[] password) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    public int size() {
        throw new UnsupportedOperationException("stub");
    }

    /** The key whose public half is the certificate's (DER X.509) public key, or null. */
    public RSAPrivateKey forCertificate(Slice certificateDer) {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * The 48-byte pre-master secret from an EncryptedPreMasterSecret (PKCS#1 v1.5, RFC 5246 section 7.4.7.1)
     * under {@code key}, or null if the padding does not check out (wrong key).
     */
    public static byte[] decryptPreMaster(RSAPrivateKey key, byte[] encryptedPreMasterSecret) {
        throw new UnsupportedOperationException("stub");
    }

    /** When the certificate was not captured: the first loaded key that decrypts it to a well-formed pre-master secret, or null. */
    public byte[] decryptWithAny(byte[] encryptedPreMasterSecret) {
        throw new UnsupportedOperationException("stub");
    }
}
