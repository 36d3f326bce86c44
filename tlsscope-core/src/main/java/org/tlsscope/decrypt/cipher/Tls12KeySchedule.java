package org.tlsscope.decrypt.cipher;

/** CONTRACT STUB: SSL 3.0 to TLS 1.2 key derivation and Finished (RFC 6101, 2246, 4346, 5246, 7627). */
public final class Tls12KeySchedule {
    private Tls12KeySchedule() {
    }

    /** master_secret from the pre-master secret and the hello randoms (48 bytes). */
    public static byte[] masterSecret(CipherSpec spec, int version, byte[] preMasterSecret, byte[] clientRandom,
                                      byte[] serverRandom) {
        throw new UnsupportedOperationException("stub");
    }

    /** RFC 7627 section 4: the extended master secret from the session hash. */
    public static byte[] extendedMasterSecret(CipherSpec spec, int version, byte[] preMasterSecret, byte[] sessionHash) {
        throw new UnsupportedOperationException("stub");
    }

    /** The key block, split into client and server write keys. */
    public static KeyBlock keyBlock(CipherSpec spec, int version, byte[] masterSecret, byte[] clientRandom,
                                    byte[] serverRandom) {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * The verify_data the client's ({@code client}) or server's Finished must carry, over the transcript of
     * every handshake message before that Finished (36 bytes for SSL 3.0, 12 otherwise).
     */
    public static byte[] verifyData(CipherSpec spec, int version, byte[] masterSecret, boolean client, Transcript transcript) {
        throw new UnsupportedOperationException("stub");
    }
}
