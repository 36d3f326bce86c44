package org.tlsscope.decrypt.cipher;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.tlsscope.bytes.Slice;

/**
 * Block ciphers in CBC mode (RFC 5246 section 6.2.3.2). MAC-then-encrypt by default: the plaintext is
 * content, MAC, padding and padding_length; with RFC 7366 encrypt-then-MAC the MAC follows the IV and
 * ciphertext and is checked before anything is decrypted. SSL 3.0 and TLS 1.0 chain the IV across
 * records (the last ciphertext block of one record is the IV of the next, RFC 2246 section 6.2.3.2);
 * TLS 1.1 and later send it at the start of each record.
 */
final class CbcCipher implements RecordCipher {
    private final Cipher cipher;
    private final SecretKeySpec key;
    private final RecordMac mac;
    private final int blockSize;
    private final boolean explicitIv;
    private final boolean ssl3;
    private final boolean encryptThenMac;
    /** SSL 3.0/TLS 1.0: the IV for the next record; advanced even past records that fail. */
    private final byte[] chainedIv;
    private long seq;

    CbcCipher(CipherSpec spec, TrafficKeys keys, boolean encryptThenMac) {
        Bulk bulk = spec.bulk();
        this.cipher = bulk.newCipher();
        this.key = new SecretKeySpec(keys.key(), bulk.keyAlgorithm());
        this.mac = RecordMac.create(spec.mac(), keys.macKey(), spec.version());
        this.blockSize = bulk.blockSize();
        this.explicitIv = spec.recordIvLength() > 0;
        this.ssl3 = spec.version() == CipherSpec.SSL3;
        this.encryptThenMac = encryptThenMac;
        this.chainedIv = keys.iv().clone();
    }

    @Override
    public Opening open(int contentType, int recordVersion, Slice fragment) {
        long n = seq++;
        int ivLength = explicitIv ? blockSize : 0;
        int macLength = mac.length();
        int end = encryptThenMac ? fragment.length() - macLength : fragment.length();
        IvParameterSpec iv = explicitIv ? null : new IvParameterSpec(chainedIv);
        if (!explicitIv && end >= blockSize) {
            fragment.slice(end - blockSize, blockSize).copyTo(chainedIv, 0);
        }
        int minimum = encryptThenMac ? blockSize : Math.max(blockSize, macLength + 1);
        if (end - ivLength < minimum) {
            return new Opening.Failed("record too short");
        }
        if ((end - ivLength) % blockSize != 0) {
            return new Opening.Failed("ciphertext not a whole number of blocks");
        }
        if (encryptThenMac && !mac.verify(n, contentType, recordVersion, fragment, end)) {
            return new Opening.Failed("bad record MAC");
        }
        // Decrypted from the record's bytes into the plaintext's own array: in place would make the JDK copy
        // the ciphertext first.
        byte[] buf = new byte[end - ivLength];
        try {
            fragment.read((in, off, len) -> {
                cipher.init(Cipher.DECRYPT_MODE, key, explicitIv ? new IvParameterSpec(in, off, blockSize) : iv);
                return cipher.doFinal(in, off + ivLength, buf.length, buf, 0);
            });
        } catch (GeneralSecurityException e) {
            return new Opening.Failed("cannot decrypt: " + e.getMessage());
        }
        int padding = buf[buf.length - 1] & 0xff;
        int contentEnd = buf.length - 1 - padding - (encryptThenMac ? 0 : macLength);
        if (contentEnd < 0 || !paddingValid(buf, buf.length, padding)) {
            return new Opening.Failed("bad padding");
        }
        if (!encryptThenMac && !mac.verify(n, contentType, recordVersion, buf, 0, contentEnd, contentEnd)) {
            return new Opening.Failed("bad record MAC");
        }
        return new Opening.Opened(contentType, Slice.of(buf, 0, contentEnd));
    }

    /**
     * SSL 3.0 leaves the padding bytes arbitrary but keeps it shorter than a block (RFC 6101 section
     * 5.2.3.2); TLS fills every padding byte with padding_length (RFC 5246 section 6.2.3.2).
     */
    private boolean paddingValid(byte[] buf, int end, int padding) {
        if (ssl3) {
            return padding < blockSize;
        }
        for (int i = end - 1 - padding; i < end - 1; i++) {
            if ((buf[i] & 0xff) != padding) {
                return false;
            }
        }
        return true;
    }
}
