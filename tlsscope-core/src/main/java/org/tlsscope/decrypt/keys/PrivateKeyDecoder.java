package org.tlsscope.decrypt.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Turns one private key encoding into an RSA key: PKCS#8 PrivateKeyInfo (RFC 5208), PKCS#1
 * RSAPrivateKey (RFC 8017 appendix A.1.2, wrapped into PKCS#8 for the JDK's KeyFactory), encrypted
 * PKCS#8 (RFC 5958 section 3, PBES1 or PBES2 as the JDK knows them) and OpenSSL's legacy encrypted
 * PKCS#1 PEM.
 */
final class PrivateKeyDecoder {
    /** What one block gave. */
    sealed interface Result {
        record Found(RSAPrivateKey key) implements Result {
        }

        /** Not used, and why ("an EC key: only RSA keys decrypt an RSA key exchange"). */
        record Skipped(String why) implements Result {
        }
    }

    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    /** AlgorithmIdentifier { rsaEncryption, NULL } (RFC 8017 appendix A.1). */
    private static final byte[] RSA_ALGORITHM = HexFormat.of().parseHex("300d06092a864886f70d0101010500");
    private static final byte[] VERSION_0 = {Der.INTEGER, 1, 0};
    private static final Map<String, String> ALGORITHM_NAMES = Map.of(
            "1.2.840.113549.1.1.10", "an RSASSA-PSS key (for signatures only)",
            "1.2.840.10045.2.1", "an EC key",
            "1.2.840.10040.4.1", "a DSA key",
            "1.2.840.113549.1.3.1", "a DH key",
            "1.3.101.110", "an X25519 key",
            "1.3.101.111", "an X448 key",
            "1.3.101.112", "an Ed25519 key",
            "1.3.101.113", "an Ed448 key");
    /** SunRsaSign's RSAKeyFactory.MIN_MODLEN. */
    private static final int MIN_RSA_BITS = 512;
    private static final String ONLY_RSA = ": only RSA keys decrypt an RSA key exchange";

    private PrivateKeyDecoder() {
    }

    /** A PEM block's key; null for blocks that hold no private key (certificates, parameters). */
    static Result pem(Pem.Block block, char[] password, String file) throws KeyFileException {
        String where = block.type() + " at line " + block.line() + ": ";
        Result result = switch (block.type()) {
            case "PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY" -> block.der() == null
                    ? new Result.Skipped("damaged (bad base64 or no END line)")
                    : key(block, password, file);
            case "EC PRIVATE KEY" -> new Result.Skipped("an EC key" + ONLY_RSA);
            case "DSA PRIVATE KEY" -> new Result.Skipped("a DSA key" + ONLY_RSA);
            case "OPENSSH PRIVATE KEY" -> new Result.Skipped("an OpenSSH key: convert it with ssh-keygen -p -m PKCS8");
            default -> null;
        };
        return result instanceof Result.Skipped(String why) ? new Result.Skipped(where + why) : result;
    }

    private static Result key(Pem.Block block, char[] password, String file) throws KeyFileException {
        return switch (block.type()) {
            case "PRIVATE KEY" -> pkcs8(block.der());
            case "ENCRYPTED PRIVATE KEY" -> pkcs8(decryptPkcs8(block.der(), password, file));
            default -> LegacyPemEncryption.applies(block) ? legacy(block, password, file) : pkcs1(block.der());
        };
    }

    /** A DER file: PKCS#8, PKCS#1 or encrypted PKCS#8, told apart by their first elements. */
    static Result der(byte[] der, char[] password, String file) throws KeyFileException {
        Der.Tlv top = Der.whole(der);
        Der.Tlv first = top == null || top.tag() != Der.SEQUENCE ? null : top.first();
        Der.Tlv second = first == null ? null : first.next(top.end());
        if (second == null) {
            return new Result.Skipped("not a private key");
        }
        if (first.tag() == Der.INTEGER && second.tag() == Der.SEQUENCE) {
            return pkcs8(der);
        }
        if (first.tag() == Der.INTEGER && second.tag() == Der.INTEGER) {
            return pkcs1(der);
        }
        if (first.tag() == Der.SEQUENCE && second.tag() == Der.OCTET_STRING) {
            return pkcs8(decryptPkcs8(der, password, file));
        }
        return new Result.Skipped("not a private key (a certificate?)");
    }

    private static Result pkcs8(byte[] der) {
        // PrivateKeyInfo ::= SEQUENCE { version, AlgorithmIdentifier { algorithm OID, ... }, privateKey }
        Der.Tlv top = Der.whole(der);
        Der.Tlv version = top == null ? null : top.first();
        Der.Tlv algorithm = version == null ? null : version.next(top.end());
        Der.Tlv oid = algorithm == null ? null : algorithm.first();
        if (oid == null || oid.tag() != Der.OID) {
            return new Result.Skipped("not a valid PKCS#8 key");
        }
        String dotted = Der.oid(oid.content());
        if (!RSA_ENCRYPTION.equals(dotted)) {
            return new Result.Skipped(ALGORITHM_NAMES.getOrDefault(dotted, "a key of algorithm " + dotted) + ONLY_RSA);
        }
        try {
            return new Result.Found((RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            int bits = modulusBits(algorithm.next(top.end()));
            return new Result.Skipped(bits > 0 && bits < MIN_RSA_BITS
                    ? "a " + bits + "-bit RSA key: the Java runtime refuses RSA keys under " + MIN_RSA_BITS + " bits"
                    : "not a valid RSA key");
        }
    }

    /** The modulus size of PKCS#8's privateKey OCTET STRING holding an RSAPrivateKey, or 0. */
    private static int modulusBits(Der.Tlv privateKey) {
        Der.Tlv rsa = privateKey == null || privateKey.tag() != Der.OCTET_STRING ? null : Der.whole(privateKey.content());
        Der.Tlv version = rsa == null ? null : rsa.first();
        Der.Tlv modulus = version == null ? null : version.next(rsa.end());
        return modulus == null || modulus.tag() != Der.INTEGER ? 0 : new BigInteger(1, modulus.content()).bitLength();
    }

    private static Result pkcs1(byte[] der) {
        Der.Tlv top = Der.whole(der);
        if (top == null || top.tag() != Der.SEQUENCE) {
            return new Result.Skipped("not a valid PKCS#1 key");
        }
        return pkcs8(Der.tlv(Der.SEQUENCE, VERSION_0, RSA_ALGORITHM, Der.tlv(Der.OCTET_STRING, der)));
    }

    private static Result legacy(Pem.Block block, char[] password, String file) throws KeyFileException {
        requirePassword(password, file);
        byte[] der = LegacyPemEncryption.decrypt(block, password, file);
        // A wrong password passes the CBC padding check once in a few hundred tries: the DER tells.
        Result key = der == null ? null : pkcs1(der);
        if (!(key instanceof Result.Found)) {
            throw wrongPassword(file);
        }
        return key;
    }

    private static byte[] decryptPkcs8(byte[] der, char[] password, String file) throws KeyFileException {
        requirePassword(password, file);
        EncryptedPrivateKeyInfo info;
        try {
            info = new EncryptedPrivateKeyInfo(der);
        } catch (IOException e) {
            return new byte[0];
        }
        String algorithm = info.getAlgName();
        try {
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(algorithm)
                    .generateSecret(new PBEKeySpec(password)), info.getAlgParameters());
            return info.getKeySpec(cipher).getEncoded();
        } catch (NoSuchAlgorithmException e) {
            throw new KeyFileException(file + " is encrypted with " + algorithm + ", which this Java runtime lacks:"
                    + " re-encrypt it with openssl pkcs8 -topk8 -v2 aes-256-cbc -in " + file);
        } catch (GeneralSecurityException e) {
            // Bad padding, or (rarely) good padding around bytes that are no PKCS#8 key.
            throw wrongPassword(file);
        }
    }

    private static void requirePassword(char[] password, String file) throws KeyFileException {
        if (password == null || password.length == 0) {
            throw new KeyFileException(file + " is encrypted: give its password");
        }
    }

    private static KeyFileException wrongPassword(String file) {
        return new KeyFileException("wrong password for " + file);
    }
}
