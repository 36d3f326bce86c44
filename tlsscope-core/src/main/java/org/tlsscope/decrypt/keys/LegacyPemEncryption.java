package org.tlsscope.decrypt.keys;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * OpenSSL's traditional PEM encryption of a PKCS#1 key ({@code Proc-Type: 4,ENCRYPTED} and
 * {@code DEK-Info: AES-128-CBC,<iv>}, RFC 1421 section 4.6 as OpenSSL applies it): the key is
 * EVP_BytesToKey(MD5, password, salt = the first 8 bytes of the IV, one iteration).
 */
final class LegacyPemEncryption {
    private record Algorithm(String jce, int keyBytes, int ivBytes) {
    }

    /** The ciphers `openssl rsa -aes128|-aes192|-aes256|-des3` write. */
    private static final Map<String, Algorithm> ALGORITHMS = Map.of(
            "AES-128-CBC", new Algorithm("AES", 16, 16),
            "AES-192-CBC", new Algorithm("AES", 24, 16),
            "AES-256-CBC", new Algorithm("AES", 32, 16),
            "DES-EDE3-CBC", new Algorithm("DESede", 24, 8));
    private static final int SALT_BYTES = 8;

    private LegacyPemEncryption() {
    }

    static boolean applies(Pem.Block block) {
        String procType = block.headers().get("Proc-Type");
        return procType != null && procType.contains("ENCRYPTED");
    }

    /**
     * The decrypted PKCS#1 bytes, or null if the password is wrong (bad padding).
     *
     * @throws KeyFileException when the cipher is not one OpenSSL writes by default
     */
    static byte[] decrypt(Pem.Block block, char[] password, String file) throws KeyFileException {
        String dekInfo = block.headers().getOrDefault("DEK-Info", "");
        int comma = dekInfo.indexOf(',');
        Algorithm algorithm = comma < 0 ? null : ALGORITHMS.get(dekInfo.substring(0, comma).strip());
        byte[] iv = algorithm == null ? null : parseHex(dekInfo.substring(comma + 1).strip());
        if (iv == null || iv.length != algorithm.ivBytes()) {
            throw new KeyFileException(file + ": the key at line " + block.line() + " is encrypted with \"" + dekInfo
                    + "\", which is not supported: convert it with openssl pkcs8 -topk8 -in " + file);
        }
        byte[] secret = passwordBytes(password);
        try {
            Cipher cipher = Cipher.getInstance(algorithm.jce() + "/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(bytesToKey(secret, iv, algorithm.keyBytes()),
                    algorithm.jce()), new IvParameterSpec(iv));
            return cipher.doFinal(block.der());
        } catch (GeneralSecurityException e) {
            return null;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** EVP_BytesToKey with MD5 and one iteration: D_i = MD5(D_(i-1) || password || salt). */
    private static byte[] bytesToKey(byte[] password, byte[] iv, int length) throws GeneralSecurityException {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] key = new byte[length];
        byte[] d = new byte[0];
        for (int have = 0; have < length; have += d.length) {
            md5.update(d);
            md5.update(password);
            md5.update(iv, 0, SALT_BYTES);
            d = md5.digest();
            System.arraycopy(d, 0, key, have, Math.min(d.length, length - have));
        }
        return key;
    }

    /** OpenSSL hashes the password's bytes as typed: UTF-8. */
    private static byte[] passwordBytes(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }

    private static byte[] parseHex(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
