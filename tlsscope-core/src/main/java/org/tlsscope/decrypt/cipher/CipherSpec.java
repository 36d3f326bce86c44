package org.tlsscope.decrypt.cipher;

import org.tlsscope.tls.registry.CipherSuite;
import org.tlsscope.tls.registry.KeyExchange;

/**
 * What a negotiated cipher suite's record protection and key derivation need, at the negotiated
 * version: the bulk cipher and its key and IV lengths, the record MAC, the PRF or HKDF hash, and for a
 * 40-bit export suite the shorter key material its key block holds.
 */
public final class CipherSpec {
    /** Either a usable spec or, for a suite out of reach (GOST, 56-bit export, unknown...), the reason by name. */
    public sealed interface Resolution permits Supported, Unsupported {
    }

    public record Supported(CipherSpec spec) implements Resolution {
    }

    /** @param reason e.g. "unsupported cipher suite TLS_GOSTR341112_256_WITH_KUZNYECHIK_CTR_OMAC (GOST)" */
    public record Unsupported(String reason) implements Resolution {
    }

    static final int SSL3 = 0x0300;
    static final int TLS10 = 0x0301;
    static final int TLS12 = 0x0303;
    static final int TLS13 = 0x0304;
    /**
     * Secret key material per direction of a 40-bit export cipher (RC4_40, RC2_CBC_40, DES40_CBC, and
     * Kerberos' DES_CBC_40): RFC 2246 appendix C and RFC 6101 appendix C, column "Key Material".
     */
    private static final int EXPORT_KEY_MATERIAL = 5;

    private final String name;
    private final int version;
    private final Bulk bulk;
    private final Hash mac;
    private final Hash prfHash;
    private final boolean export;

    private CipherSpec(String name, int version, Bulk bulk, Hash mac, Hash prfHash, boolean export) {
        this.name = name;
        this.version = version;
        this.bulk = bulk;
        this.mac = mac;
        this.prfHash = prfHash;
        this.export = export;
    }

    /** The spec for {@code suite} negotiated at {@code version} (0x0300 SSL 3.0 .. 0x0304 TLS 1.3). */
    public static Resolution resolve(int suite, int version) {
        CipherSuite cs = CipherSuite.of(suite);
        String why = unsupportedBecause(cs, version);
        if (why != null) {
            return new Unsupported("unsupported cipher suite " + cs.name() + " (" + why + ")");
        }
        Bulk bulk = Bulk.named(cs.cipher());
        Hash named = Hash.ofSuiteWord(cs.mac());
        if (bulk == null || named == null) {
            return new Unsupported("unsupported cipher suite " + cs.name() + " (cipher " + cs.cipher()
                    + (cs.mac().isEmpty() ? "" : " with " + cs.mac()) + " not implemented)");
        }
        if (bulk.family().aead() && version < TLS12) {
            return new Unsupported("cipher suite " + cs.name() + " is not defined before TLS 1.2");
        }
        if (version == TLS13 && bulk.family() == Bulk.Family.NULL) {
            return new Unsupported("unsupported cipher suite " + cs.name() + " (integrity-only, RFC 9150)");
        }
        // An AEAD suite names its PRF hash where others name their HMAC hash (RFC 5288 section 3).
        Hash mac = bulk.family().aead() ? null : named;
        return new Supported(new CipherSpec(cs.name(), version, bulk, mac, prfHash(version, named), cs.isExport()));
    }

    /**
     * TLS 1.2 and 1.3 use the hash the suite names for the PRF or HKDF, except that suites naming an HMAC
     * weaker than SHA-256 use SHA-256 (RFC 5246 section 5); earlier versions have no single PRF hash
     * (null: SSL 3.0 mixes MD5 and SHA-1 itself, TLS 1.0/1.1 XOR P_MD5 and P_SHA1, RFC 2246 section 5).
     */
    private static Hash prfHash(int version, Hash named) {
        if (version < TLS12) {
            return null;
        }
        return named == Hash.SHA384 ? Hash.SHA384 : Hash.SHA256;
    }

    private static String unsupportedBecause(CipherSuite cs, int version) {
        if (version < SSL3 || version > TLS13) {
            return "protocol version 0x" + Integer.toHexString(version) + " not supported";
        }
        if ((cs.keyExchange() == KeyExchange.TLS13) != (version == TLS13)) {
            return version == TLS13 ? "not a TLS 1.3 suite" : "a TLS 1.3 suite negotiated below TLS 1.3";
        }
        if (cs.name().contains("_EXPORT1024_")) {
            // The 56-bit suites' key material: 7 bytes to Wireshark (ssl_get_cipher_export_keymat_size),
            // 8 for DES and 7 otherwise to OpenSSL (SSL_EXPORT_KEYLENGTH, ssl/ssl_locl.h up to 1.0.2); no
            // recorded session settles which, so they are refused rather than guessed.
            return "56-bit export, draft-ietf-tls-56-bit-ciphersuites, key material length unsettled";
        }
        return switch (cs.keyExchange()) {
            case UNKNOWN -> "unknown suite";
            case NULL -> "no protection";
            case SCSV -> "a signalling value";
            case GOST -> "GOST";
            case FORTEZZA_KEA -> "Fortezza";
            case GMTLS_ECC, GMTLS_ECDHE, GMTLS_IBC, GMTLS_IBSDH, GMTLS_RSA -> "GM/T 0024, SM1/SM4";
            default -> null;
        };
    }

    /** The suite's IANA name. */
    public String name() {
        return name;
    }

    /**
     * Length of the PRF/HKDF hash (32 for SHA-256, 48 for SHA-384): the length of TLS 1.3 secrets. Below
     * TLS 1.2, 36: the MD5 and SHA-1 hashes that stand in for one there (RFC 2246 section 7.4.9).
     */
    public int hashLength() {
        return prfHash == null ? Hash.MD5.length + Hash.SHA1.length : prfHash.length;
    }

    /** Whether records carry an AEAD tag rather than a MAC (GCM, CCM, ChaCha20-Poly1305). */
    public boolean isAead() {
        return bulk.family().aead();
    }

    /** Whether this is a CBC suite, where RFC 7366 encrypt-then-MAC may apply. */
    public boolean isCbc() {
        return bulk.family() == Bulk.Family.CBC;
    }

    /**
     * Whether this is an export suite: its key block holds only {@link #keyMaterialLength()} bytes of each
     * write key and no IVs, and the final keys and IVs are derived with the hello randoms (RFC 2246
     * section 6.3, RFC 6101 section 6.2.2).
     */
    public boolean isExport() {
        return export;
    }

    int version() {
        return version;
    }

    /** Bytes of each write key the key block holds: 5 for export suites, else the cipher's key length. */
    int keyMaterialLength() {
        return export ? EXPORT_KEY_MATERIAL : bulk.keyLength();
    }

    Bulk bulk() {
        return bulk;
    }

    /** The record MAC hash (HMAC, or the SSL 3.0 MAC), null for AEAD ciphers. */
    Hash mac() {
        return mac;
    }

    int macLength() {
        return mac == null ? 0 : mac.length;
    }

    /** The PRF (TLS 1.2) or HKDF (TLS 1.3) hash; null below TLS 1.2. */
    Hash prfHash() {
        return prfHash;
    }

    /**
     * The fixed IV per direction, from the key block (RFC 5246 section 6.3) or for export suites from the
     * hello randoms (RFC 2246 section 6.3): the first CBC IV for SSL 3.0/TLS 1.0,
     * the 4-byte salt for GCM/CCM (RFC 5288 section 3, RFC 6655 section 3), the 12-byte IV for ChaCha20
     * (RFC 7905 section 2) and for every TLS 1.3 AEAD (RFC 8446 section 5.3); none otherwise.
     */
    int fixedIvLength() {
        return switch (bulk.family()) {
            case NULL, STREAM -> 0;
            case CBC -> version <= TLS10 ? bulk.blockSize() : 0;
            case GCM, CCM -> version == TLS13 ? 12 : 4;
            case CHACHA20_POLY1305 -> 12;
        };
    }

    /**
     * Bytes of explicit IV or nonce at the start of each record: the CBC IV from TLS 1.1 on (RFC 4346
     * section 6.2.3.2), the 8-byte nonce_explicit of TLS 1.2 GCM/CCM (RFC 5288 section 3).
     */
    int recordIvLength() {
        return switch (bulk.family()) {
            case NULL, STREAM, CHACHA20_POLY1305 -> 0;
            case CBC -> version > TLS10 ? bulk.blockSize() : 0;
            case GCM, CCM -> version == TLS13 ? 0 : 8;
        };
    }

    @Override
    public String toString() {
        return name + " at 0x" + Integer.toHexString(version);
    }
}
