package org.tlsscope.decrypt.cipher;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Mac;

/** The TLS pseudo-random function (RFC 2246 section 5, RFC 5246 section 5). */
final class Prf {
    private Prf() {
    }

    /**
     * PRF(secret, label, seed) truncated to {@code length}: P_hash with the suite's PRF hash from TLS 1.2
     * on, P_MD5 over the first half of the secret XOR P_SHA-1 over the second half for TLS 1.0 and 1.1
     * (the halves overlap by a byte when the secret's length is odd).
     */
    static byte[] compute(CipherSpec spec, int version, byte[] secret, String label, byte[] seed, int length) {
        byte[] labelAndSeed = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
        if (version >= CipherSpec.TLS12) {
            return pHash(spec.prfHash(), secret, labelAndSeed, length);
        }
        int half = (secret.length + 1) / 2;
        byte[] s1 = Arrays.copyOfRange(secret, 0, half);
        byte[] s2 = Arrays.copyOfRange(secret, secret.length - half, secret.length);
        byte[] out = pHash(Hash.MD5, s1, labelAndSeed, length);
        byte[] sha = pHash(Hash.SHA1, s2, labelAndSeed, length);
        for (int i = 0; i < length; i++) {
            out[i] ^= sha[i];
        }
        return out;
    }

    /** P_hash(secret, seed) = HMAC(secret, A(1) + seed) + HMAC(secret, A(2) + seed) + ..., A(i) = HMAC(secret, A(i-1)). */
    private static byte[] pHash(Hash hash, byte[] secret, byte[] seed, int length) {
        Mac mac = hash.newHmac(secret);
        byte[] out = new byte[length];
        byte[] a = seed;
        for (int done = 0; done < length; ) {
            a = mac.doFinal(a);
            mac.update(a);
            byte[] block = mac.doFinal(seed);
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
