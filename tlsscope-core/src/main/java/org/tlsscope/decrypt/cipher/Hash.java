package org.tlsscope.decrypt.cipher;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The hashes the record MACs, PRFs and transcripts of SSL 3.0 to TLS 1.3 use, by their JDK names. */
enum Hash {
    MD5("MD5", "HmacMD5", 16, 48),
    SHA1("SHA-1", "HmacSHA1", 20, 40),
    SHA256("SHA-256", "HmacSHA256", 32, 0),
    SHA384("SHA-384", "HmacSHA384", 48, 0);

    private final String digestName;
    private final String hmacName;
    final int length;
    /** RFC 6101 section 5.2.3.1: pad_1 and pad_2 are 48 bytes for MD5 and 40 for SHA (0: no SSL 3.0 use). */
    final int ssl3PadLength;

    Hash(String digestName, String hmacName, int length, int ssl3PadLength) {
        this.digestName = digestName;
        this.hmacName = hmacName;
        this.length = length;
        this.ssl3PadLength = ssl3PadLength;
    }

    /** The hash a suite name ends with ("SHA", "SHA256", ..), or null for any other word. */
    static Hash ofSuiteWord(String word) {
        return switch (word) {
            case "MD5" -> MD5;
            case "SHA" -> SHA1;
            case "SHA256" -> SHA256;
            case "SHA384" -> SHA384;
            default -> null;
        };
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(digestName);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + digestName, e);
        }
    }

    /**
     * An HMAC under {@code key}. The TLS 1.0 export IV block is PRF("", ..) (RFC 2246 section 6.3), and
     * JCE key specs refuse an empty key: HMAC pads the key with zeros to the block length (RFC 2104
     * section 2), so the empty key is the one-zero-byte key.
     */
    Mac newHmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(hmacName);
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, hmacName));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + hmacName, e);
        }
    }

    byte[] hmac(byte[] key, byte[]... parts) {
        Mac mac = newHmac(key);
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }
}
