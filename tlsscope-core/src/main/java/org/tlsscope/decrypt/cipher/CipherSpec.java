package org.tlsscope.decrypt.cipher;

/**
 * CONTRACT STUB (helper "cipher" implements): what a negotiated cipher suite's record protection needs.
 * Fields are the implementer's choice; the members below are the contract.
 */
public final class CipherSpec {
    /** Either a usable spec or, for a suite out of reach (GOST, export, unknown...), the reason by name. */
    public sealed interface Resolution permits Supported, Unsupported {
    }

    public record Supported(CipherSpec spec) implements Resolution {
    }

    /** @param reason e.g. "unsupported cipher suite TLS_GOSTR341112_256_WITH_KUZNYECHIK_CTR_OMAC (GOST)" */
    public record Unsupported(String reason) implements Resolution {
    }

    /** The spec for {@code suite} negotiated at {@code version} (0x0300 SSL 3.0 .. 0x0304 TLS 1.3). */
    public static Resolution resolve(int suite, int version) {
        throw new UnsupportedOperationException("stub");
    }

    /** The suite's IANA name. */
    public String name() {
        throw new UnsupportedOperationException("stub");
    }

    /** Length of the PRF/HKDF hash (32 for SHA-256, 48 for SHA-384): the length of TLS 1.3 secrets. */
    public int hashLength() {
        throw new UnsupportedOperationException("stub");
    }
}
