package org.tlsscope.cli;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.tlsscope.bytes.Slice;
import org.tlsscope.decrypt.cipher.CipherSpec;
import org.tlsscope.decrypt.cipher.Opening;
import org.tlsscope.decrypt.cipher.RecordCipher;
import org.tlsscope.decrypt.cipher.RecordCiphers;
import org.tlsscope.decrypt.cipher.Tls13KeySchedule;
import org.tlsscope.decrypt.cipher.TrafficKeys;

/**
 * Part of the AOT cache's training: full-size records sealed here and opened by the record ciphers, so the
 * cache holds the profiles of the bulk paths at bulk sizes: TLS 1.3 AES-GCM and ChaCha20-Poly1305, and TLS 1.2
 * AES-CBC with HMAC-SHA1 and HMAC-SHA256 (MAC-then-encrypt, RFC 5246 section 6.2.3.2). The shipped sessions
 * carry a few bytes of application data each, too little for the JIT to learn those loops from.
 */
final class BulkTraining {
    private static final int RECORD = 1 << 14;
    private static final int VERSION = 0x0304;
    private static final int TLS12 = 0x0303;

    /** A TLS 1.2 CBC suite's key and MAC sizes, which RecordCiphers checks the keys against. */
    private record CbcSuite(int suite, int keyLength, String hmac, int macLength) {
    }

    private static final CbcSuite[] CBC = {
            new CbcSuite(0x0035, 32, "HmacSHA1", 20),   // TLS_RSA_WITH_AES_256_CBC_SHA, the post's
            new CbcSuite(0xc027, 16, "HmacSHA256", 32), // TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256
    };

    private BulkTraining() {
    }

    static void run(int records) throws GeneralSecurityException {
        aead(records);
        for (CbcSuite suite : CBC) {
            cbc(suite, records / 2);
        }
    }

    private static void aead(int records) throws GeneralSecurityException {
        for (int suite : new int[] {0x1301, 0x1302, 0x1303}) {
            CipherSpec spec = ((CipherSpec.Supported) CipherSpec.resolve(suite, VERSION)).spec();
            TrafficKeys keys = Tls13KeySchedule.trafficKeys(spec, new byte[spec.hashLength()]);
            boolean chacha = suite == 0x1303;
            Cipher seal = Cipher.getInstance(chacha ? "ChaCha20-Poly1305" : "AES/GCM/NoPadding");
            SecretKeySpec key = new SecretKeySpec(keys.key(), chacha ? "ChaCha20" : "AES");
            RecordCipher open = RecordCiphers.create(spec, VERSION, keys, false);
            byte[] plaintext = new byte[RECORD + 1];
            plaintext[RECORD] = 23;
            for (long seq = 0; seq < records; seq++) {
                byte[] nonce = keys.iv().clone();
                for (int i = 0; i < 8; i++) {
                    nonce[nonce.length - 1 - i] ^= (byte) (seq >>> (8 * i));
                }
                int length = plaintext.length + 16;
                byte[] header = {23, 3, 3, (byte) (length >> 8), (byte) length};
                seal.init(Cipher.ENCRYPT_MODE, key, chacha ? new IvParameterSpec(nonce) : new GCMParameterSpec(128, nonce));
                seal.updateAAD(header);
                opened(open.open(23, 0x0303, Slice.of(seal.doFinal(plaintext))));
            }
        }
    }

    private static void cbc(CbcSuite suite, int records) throws GeneralSecurityException {
        CipherSpec spec = ((CipherSpec.Supported) CipherSpec.resolve(suite.suite(), TLS12)).spec();
        byte[] macKey = new byte[suite.macLength()];
        byte[] key = new byte[suite.keyLength()];
        RecordCipher open = RecordCiphers.create(spec, TLS12, new TrafficKeys(macKey, key, new byte[0]), false);
        Mac mac = Mac.getInstance(suite.hmac());
        mac.init(new SecretKeySpec(macKey, suite.hmac()));
        Cipher seal = Cipher.getInstance("AES/CBC/NoPadding");
        SecretKeySpec aes = new SecretKeySpec(key, "AES");
        byte[] content = new byte[RECORD - 64];
        int padding = 16 - (content.length + suite.macLength() + 1) % 16;
        byte[] plain = new byte[content.length + suite.macLength() + padding + 1];
        java.util.Arrays.fill(plain, content.length + suite.macLength(), plain.length, (byte) padding);
        byte[] iv = new byte[16];
        for (long seq = 0; seq < records; seq++) {
            byte[] header = {(byte) (seq >>> 56), (byte) (seq >>> 48), (byte) (seq >>> 40), (byte) (seq >>> 32),
                    (byte) (seq >>> 24), (byte) (seq >>> 16), (byte) (seq >>> 8), (byte) seq,
                    23, 3, 3, (byte) (content.length >> 8), (byte) content.length};
            mac.update(header);
            mac.update(content);
            mac.doFinal(plain, content.length);
            seal.init(Cipher.ENCRYPT_MODE, aes, new IvParameterSpec(iv));
            byte[] fragment = new byte[iv.length + plain.length];
            seal.doFinal(plain, 0, plain.length, fragment, iv.length);
            opened(open.open(23, TLS12, Slice.of(fragment)));
        }
    }

    /** A record sealed here that does not open would train the failure path: a bug, not a state to profile. */
    private static void opened(Opening opening) throws GeneralSecurityException {
        if (!(opening instanceof Opening.Opened)) {
            throw new GeneralSecurityException("a training record did not open: " + opening);
        }
    }
}
