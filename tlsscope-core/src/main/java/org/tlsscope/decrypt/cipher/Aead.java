package org.tlsscope.decrypt.cipher;

import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.tlsscope.bytes.Slice;

/** One AEAD key of one direction: a JCE cipher kept for the connection and initialised per record. */
final class Aead {
    private final Cipher cipher;
    private final SecretKeySpec key;
    private final Bulk bulk;

    Aead(Bulk bulk, byte[] key) {
        this.bulk = bulk;
        this.cipher = bulk.newCipher();
        this.key = new SecretKeySpec(key, bulk.keyAlgorithm());
    }

    int tagLength() {
        return bulk.tagLength();
    }

    /**
     * Opens {@code sealed} (ciphertext then tag) under {@code nonce} and {@code aad} into a new array, read
     * straight from the record's bytes (no copy of the ciphertext first); the plaintext, or null if the tag
     * does not match. {@code sealed} is at least a tag long.
     */
    byte[] open(byte[] nonce, byte[] aad, Slice sealed) {
        // GCM and CCM take the tag length with the nonce; ChaCha20-Poly1305's tag is always 16 bytes.
        AlgorithmParameterSpec params = bulk.family() == Bulk.Family.CHACHA20_POLY1305
                ? new IvParameterSpec(nonce) : new GCMParameterSpec(8 * bulk.tagLength(), nonce);
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, params);
            cipher.updateAAD(aad);
            byte[] plaintext = new byte[sealed.length() - bulk.tagLength()];
            int length = sealed.read((in, off, len) -> cipher.doFinal(in, off, len, plaintext, 0));
            return length == plaintext.length ? plaintext : null;
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** RFC 8446 section 5.3 and RFC 7905 section 2: the 64-bit sequence number, left-padded, XORed with the IV. */
    static void xorSequence(byte[] iv, long seq, byte[] nonce) {
        System.arraycopy(iv, 0, nonce, 0, iv.length);
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (seq >>> (8 * i));
        }
    }
}
