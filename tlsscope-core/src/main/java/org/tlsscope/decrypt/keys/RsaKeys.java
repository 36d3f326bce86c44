package org.tlsscope.decrypt.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import org.tlsscope.bytes.Slice;

/**
 * Server RSA private keys, for the RSA key exchange (RFC 5246 section 7.4.7.1), matched to servers by
 * their certificate.
 *
 * <p>A key file is PEM with any mix of blocks and text around them (certificates, comment lines,
 * "subject=" lines): PKCS#1 ({@code RSA PRIVATE KEY}), PKCS#8 ({@code PRIVATE KEY}), encrypted PKCS#8
 * ({@code ENCRYPTED PRIVATE KEY}, PBES2 as openssl writes it, or PBES1) and OpenSSL's legacy encrypted
 * PKCS#1 ({@code Proc-Type: 4,ENCRYPTED}); or one of those in DER. Keys of other algorithms are
 * skipped with a {@link #notes() note}.
 */
public final class RsaKeys {
    /** Larger than any key file with its certificate chain; a bigger file is something else. */
    static final int MAX_FILE = 16 << 20;
    /** RFC 5246 section 7.4.7.1: the pre-master secret is 48 bytes. */
    public static final int PRE_MASTER_LENGTH = 48;

    /** A key with the public exponent it came with (null when the encoding had no CRT parts). */
    private record Loaded(RSAPrivateKey key, BigInteger publicExponent) {
    }

    private final List<Loaded> keys = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * Loads every RSA private key in the file (a key already loaded is not added twice).
     *
     * @param password for encrypted keys; null or empty when the file is not encrypted
     * @throws KeyFileException with a plain message: the file is missing or unreadable, holds no RSA
     *                          private key, is encrypted and no password was given ("FILE is encrypted:
     *                          give its password"), or the password is wrong ("wrong password for FILE")
     */
    public void load(Path pem, char[] password) throws IOException {
        String file = pem.toString();
        byte[] content = read(pem, file);
        List<PrivateKeyDecoder.Result> results = new ArrayList<>();
        if (content.length > 0 && content[0] == Der.SEQUENCE && Der.whole(content) != null) {
            results.add(PrivateKeyDecoder.der(content, password, file));
        } else {
            // PEM is ASCII; ISO-8859-1 maps every other byte to one character, so nothing fails to decode.
            for (Pem.Block block : Pem.blocks(new String(content, StandardCharsets.ISO_8859_1))) {
                PrivateKeyDecoder.Result result = PrivateKeyDecoder.pem(block, password, file);
                if (result != null) {
                    results.add(result);
                }
            }
        }
        List<RSAPrivateKey> found = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (PrivateKeyDecoder.Result result : results) {
            switch (result) {
                case PrivateKeyDecoder.Result.Found(RSAPrivateKey key) -> found.add(key);
                case PrivateKeyDecoder.Result.Skipped(String why) -> skipped.add(why);
            }
        }
        if (found.isEmpty()) {
            throw new KeyFileException(skipped.isEmpty()
                    ? "no private key in " + file + " (expected a PEM block such as -----BEGIN PRIVATE KEY-----)"
                    : "no RSA private key in " + file + ": " + String.join("; ", skipped));
        }
        skipped.forEach(why -> notes.add(file + ": " + why));
        for (RSAPrivateKey key : found) {
            if (keys.stream().noneMatch(k -> k.key().getModulus().equals(key.getModulus()))) {
                keys.add(new Loaded(key, key instanceof RSAPrivateCrtKey crt ? crt.getPublicExponent() : null));
            }
        }
    }

    private static byte[] read(Path path, String file) throws KeyFileException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] content = in.readNBytes(MAX_FILE + 1);
            if (content.length > MAX_FILE) {
                throw new KeyFileException(file + " is larger than " + (MAX_FILE >> 20) + " MiB: not a key file");
            }
            return content;
        } catch (NoSuchFileException e) {
            throw new KeyFileException("key file " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new KeyFileException("key file " + file + " cannot be read: permission denied");
        } catch (IOException e) {
            throw new KeyFileException("key file " + file + " cannot be read: " + e.getMessage());
        }
    }

    public int size() {
        return keys.size();
    }

    /** The keys loaded, in order. */
    public List<RSAPrivateKey> keys() {
        return keys.stream().map(Loaded::key).toList();
    }

    /** Keys found but not used ("FILE: EC PRIVATE KEY at line 9: an EC key: only RSA keys ..."). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * The key whose public half is the certificate's (DER X.509) public key, or null: no such key, a
     * certificate with another kind of key, or bytes that are no certificate.
     */
    public RSAPrivateKey forCertificate(Slice certificateDer) {
        RSAPublicKey certified = publicKey(certificateDer);
        if (certified == null) {
            return null;
        }
        for (Loaded loaded : keys) {
            if (loaded.key().getModulus().equals(certified.getModulus())
                    && (loaded.publicExponent() == null || loaded.publicExponent().equals(certified.getPublicExponent()))) {
                return loaded.key();
            }
        }
        return null;
    }

    private static RSAPublicKey publicKey(Slice certificateDer) {
        try {
            var certificate = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificateDer.toArray()));
            return certificate.getPublicKey() instanceof RSAPublicKey rsa ? rsa : null;
        } catch (CertificateException e) {
            return null;
        }
    }

    /**
     * The 48-byte pre-master secret from an EncryptedPreMasterSecret (PKCS#1 v1.5, RFC 5246 section 7.4.7.1)
     * under {@code key}, or null if the padding does not check out (wrong key) or the plaintext is not 48
     * bytes. The client_version in its first two bytes is not checked: clients that put the negotiated
     * version there are common enough that every passive tool decrypts them anyway.
     */
    public static byte[] decryptPreMaster(RSAPrivateKey key, byte[] encryptedPreMasterSecret) {
        if (key == null || encryptedPreMasterSecret == null || encryptedPreMasterSecret.length == 0) {
            return null;
        }
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.DECRYPT_MODE, key);
            byte[] preMaster = rsa.doFinal(encryptedPreMasterSecret);
            return preMaster.length == PRE_MASTER_LENGTH ? preMaster : null;
        } catch (GeneralSecurityException e) {
            // BadPaddingException for a wrong key, IllegalBlockSizeException for a ciphertext longer
            // than the modulus: at most once per connection, so the exception path costs nothing.
            return null;
        }
    }

    /** When the certificate was not captured: the first loaded key that decrypts it to a well-formed pre-master secret, or null. */
    public byte[] decryptWithAny(byte[] encryptedPreMasterSecret) {
        for (Loaded loaded : keys) {
            byte[] preMaster = decryptPreMaster(loaded.key(), encryptedPreMasterSecret);
            if (preMaster != null) {
                return preMaster;
            }
        }
        return null;
    }
}
