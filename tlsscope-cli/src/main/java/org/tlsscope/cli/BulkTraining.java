package org.tlsscope.cli;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.tlsscope.bytes.Slice;
import org.tlsscope.decrypt.cipher.CipherSpec;
import org.tlsscope.decrypt.cipher.RecordCipher;
import org.tlsscope.decrypt.cipher.RecordCiphers;
import org.tlsscope.decrypt.cipher.Tls13KeySchedule;
import org.tlsscope.decrypt.cipher.TrafficKeys;

/**
 * Part of the AOT cache's training: full-size TLS 1.3 records sealed here and opened by the record ciphers,
 * so the cache holds the profiles of the AES-GCM and ChaCha20-Poly1305 paths at bulk sizes. The shipped
 * sessions carry a few bytes of application data each, too little for the JIT to learn those loops from.
 */
final class BulkTraining {
    private static final int RECORD = 1 << 14;
    private static final int VERSION = 0x0304;

    private BulkTraining() {
    }

    static void run(int records) throws GeneralSecurityException {
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
                open.open(23, 0x0303, Slice.of(seal.doFinal(plaintext)));
            }
        }
    }
}
