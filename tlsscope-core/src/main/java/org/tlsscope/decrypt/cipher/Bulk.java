package org.tlsscope.decrypt.cipher;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import java.util.Map;
import javax.crypto.Cipher;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A bulk cipher as a cipher suite names it ("AES_128_GCM", "3DES_EDE_CBC", ..), and where the JCE has it.
 *
 * @param keyAlgorithm   the JCE key algorithm ("AES", "DESede", ..)
 * @param transformation the JCE transformation, without padding (TLS pads and checks itself)
 * @param source         SunJCE where the JDK has the algorithm, else Bouncy Castle
 * @param keyLength      key bytes
 * @param blockSize      block bytes for CBC ciphers, 0 otherwise
 * @param tagLength      AEAD tag bytes, 0 for non-AEAD ciphers
 */
record Bulk(Family family, String keyAlgorithm, String transformation, Source source, int keyLength,
            int blockSize, int tagLength) {
    /** Where the JCE has a cipher. */
    enum Source {
        JDK,
        /** The JDK lacks Camellia, ARIA, SEED, IDEA and CCM. */
        BOUNCY_CASTLE;

        Provider provider() {
            return this == JDK ? Jdk.PROVIDER : BouncyCastle.PROVIDER;
        }
    }

    private static final class Jdk {
        static final Provider PROVIDER = Security.getProvider("SunJCE");
    }

    /**
     * Built on first use, not with the table: building Bouncy Castle's provider takes some 60 ms, which a
     * session under a JDK cipher (nearly all of them) need not wait for. Never added to the global list.
     */
    private static final class BouncyCastle {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    /** How records under the cipher are protected (RFC 5246 section 6.2.3). */
    enum Family {
        /** No encryption, MAC only. */
        NULL,
        /** RC4: one key stream across the records of a direction (RFC 5246 section 6.2.3.1). */
        STREAM,
        /** Block cipher in CBC mode, MAC-then-encrypt or encrypt-then-MAC (RFC 5246 section 6.2.3.2, RFC 7366). */
        CBC,
        /** AES/Camellia/ARIA in GCM (RFC 5288, 6367, 6209). */
        GCM,
        /** AES in CCM with a 16- or 8-byte tag (RFC 6655). */
        CCM,
        /** ChaCha20-Poly1305 (RFC 7905): no explicit nonce, the IV is XORed with the sequence number. */
        CHACHA20_POLY1305;

        boolean aead() {
            return this == GCM || this == CCM || this == CHACHA20_POLY1305;
        }
    }

    private static final Source JDK = Source.JDK;
    private static final Source BC = Source.BOUNCY_CASTLE;

    private static final Map<String, Bulk> BY_NAME = Map.ofEntries(
            Map.entry("NULL", new Bulk(Family.NULL, "", "", null, 0, 0, 0)),
            Map.entry("RC4_128", new Bulk(Family.STREAM, "ARCFOUR", "ARCFOUR", JDK, 16, 0, 0)),
            // Export ciphers (RFC 2246 appendix C, RFC 2712 for Kerberos' DES_CBC_40): the key length is
            // the expanded key's, the cipher itself the full-strength one. RC2 runs with the whole key's
            // effective bits (RFC 2268 section 2; SunJCE's default under a plain IV), as Wireshark's
            // Libgcrypt RFC2268_128 does: the suite's nominal 40 effective bits do not open the recorded
            // OpenSSL sessions.
            Map.entry("RC4_40", new Bulk(Family.STREAM, "ARCFOUR", "ARCFOUR", JDK, 16, 0, 0)),
            cbc("RC2_CBC_40", "RC2", JDK, 16, 8),
            cbc("DES40_CBC", "DES", JDK, 8, 8),
            cbc("DES_CBC_40", "DES", JDK, 8, 8),
            cbc("AES_128_CBC", "AES", JDK, 16, 16),
            cbc("AES_256_CBC", "AES", JDK, 32, 16),
            cbc("3DES_EDE_CBC", "DESede", JDK, 24, 8),
            cbc("DES_CBC", "DES", JDK, 8, 8),
            cbc("CAMELLIA_128_CBC", "Camellia", BC, 16, 16),
            cbc("CAMELLIA_256_CBC", "Camellia", BC, 32, 16),
            cbc("ARIA_128_CBC", "ARIA", BC, 16, 16),
            cbc("ARIA_256_CBC", "ARIA", BC, 32, 16),
            cbc("SEED_CBC", "SEED", BC, 16, 16),
            cbc("IDEA_CBC", "IDEA", BC, 16, 8),
            gcm("AES_128_GCM", "AES", JDK, 16),
            gcm("AES_256_GCM", "AES", JDK, 32),
            gcm("CAMELLIA_128_GCM", "Camellia", BC, 16),
            gcm("CAMELLIA_256_GCM", "Camellia", BC, 32),
            gcm("ARIA_128_GCM", "ARIA", BC, 16),
            gcm("ARIA_256_GCM", "ARIA", BC, 32),
            ccm("AES_128_CCM", 16, 16),
            ccm("AES_256_CCM", 32, 16),
            ccm("AES_128_CCM_8", 16, 8),
            ccm("AES_256_CCM_8", 32, 8),
            Map.entry("CHACHA20_POLY1305",
                    new Bulk(Family.CHACHA20_POLY1305, "ChaCha20", "ChaCha20-Poly1305", JDK, 32, 0, 16)));

    /** The cipher a suite names, or null when this package cannot run it. */
    static Bulk named(String cipher) {
        return BY_NAME.get(cipher);
    }

    private static Map.Entry<String, Bulk> cbc(String name, String algorithm, Source source, int key, int block) {
        return Map.entry(name, new Bulk(Family.CBC, algorithm, algorithm + "/CBC/NoPadding", source, key, block, 0));
    }

    private static Map.Entry<String, Bulk> gcm(String name, String algorithm, Source source, int key) {
        return Map.entry(name, new Bulk(Family.GCM, algorithm, algorithm + "/GCM/NoPadding", source, key, 0, 16));
    }

    private static Map.Entry<String, Bulk> ccm(String name, int key, int tag) {
        return Map.entry(name, new Bulk(Family.CCM, "AES", "AES/CCM/NoPadding", BC, key, 0, tag));
    }

    /** A fresh JCE cipher for this bulk cipher (one per record cipher, re-initialised per record where needed). */
    Cipher newCipher() {
        try {
            return Cipher.getInstance(transformation, provider());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(provider().getName() + " lacks " + transformation, e);
        }
    }

    Provider provider() {
        return source.provider();
    }
}
