package org.tlsscope.decrypt.cipher;

import org.tlsscope.bytes.Slice;

/**
 * TLS 1.2 AEAD records (RFC 5246 section 6.2.3.3). GCM and CCM: nonce = 4-byte salt from the key block
 * and the 8-byte nonce_explicit that starts the record (RFC 5288 section 3, RFC 6655 section 3);
 * ChaCha20-Poly1305: nonce = IV XOR sequence number, nothing explicit (RFC 7905 section 2).
 * additional_data = seq_num, type, version, plaintext length.
 */
final class Tls12AeadCipher implements RecordCipher {
    private final Aead aead;
    private final byte[] iv;
    private final int explicitNonce;
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[13];
    private long seq;

    Tls12AeadCipher(CipherSpec spec, TrafficKeys keys) {
        this.aead = new Aead(spec.bulk(), keys.key());
        this.iv = keys.iv().clone();
        this.explicitNonce = spec.recordIvLength();
    }

    @Override
    public Opening open(int contentType, int recordVersion, Slice fragment) {
        long n = seq++;
        int plaintextLength = fragment.length() - explicitNonce - aead.tagLength();
        if (plaintextLength < 0) {
            return new Opening.Failed("record too short");
        }
        if (explicitNonce > 0) {
            System.arraycopy(iv, 0, nonce, 0, iv.length);
            fragment.slice(0, explicitNonce).copyTo(nonce, iv.length);
        } else {
            Aead.xorSequence(iv, n, nonce);
        }
        for (int i = 0; i < 8; i++) {
            aad[i] = (byte) (n >>> (56 - 8 * i));
        }
        aad[8] = (byte) contentType;
        aad[9] = (byte) (recordVersion >> 8);
        aad[10] = (byte) recordVersion;
        aad[11] = (byte) (plaintextLength >> 8);
        aad[12] = (byte) plaintextLength;
        byte[] plaintext = aead.open(nonce, aad, fragment.from(explicitNonce));
        if (plaintext == null) {
            return new Opening.Failed("AEAD tag mismatch");
        }
        return new Opening.Opened(contentType, Slice.of(plaintext));
    }
}
