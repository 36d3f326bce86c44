package org.tlsscope.decrypt.cipher;

import java.util.Arrays;

/** SSL 3.0 to TLS 1.2 key derivation and Finished (RFC 6101, 2246, 4346, 5246, 7627). */
public final class Tls12KeySchedule {
    private static final int MASTER_SECRET_LENGTH = 48;
    /** verify_data_length of TLS 1.0 to 1.2 (RFC 5246 section 7.4.9; every TLS 1.2 suite keeps 12). */
    private static final int VERIFY_DATA_LENGTH = 12;

    private Tls12KeySchedule() {
    }

    /** master_secret from the pre-master secret and the hello randoms (48 bytes). */
    public static byte[] masterSecret(CipherSpec spec, int version, byte[] preMasterSecret, byte[] clientRandom,
                                      byte[] serverRandom) {
        if (version == CipherSpec.SSL3) {
            return Ssl3.keyMaterial(preMasterSecret, clientRandom, serverRandom, MASTER_SECRET_LENGTH);
        }
        return Prf.compute(spec, version, preMasterSecret, "master secret", Prf.concat(clientRandom, serverRandom),
                MASTER_SECRET_LENGTH);
    }

    /**
     * RFC 7627 section 4: the extended master secret from the session hash. The extension does not exist
     * in SSL 3.0 (RFC 7627 section 5.2 has the server ignore it there), so it is refused for 0x0300.
     */
    public static byte[] extendedMasterSecret(CipherSpec spec, int version, byte[] preMasterSecret, byte[] sessionHash) {
        if (version == CipherSpec.SSL3) {
            throw new IllegalArgumentException("no extended master secret in SSL 3.0");
        }
        return Prf.compute(spec, version, preMasterSecret, "extended master secret", sessionHash, MASTER_SECRET_LENGTH);
    }

    /**
     * The key block, split into client and server write keys (RFC 5246 section 6.3): client_write_MAC_key,
     * server_write_MAC_key, client_write_key, server_write_key, client_write_IV, server_write_IV. An export
     * suite's block ends after its 5-byte write keys (RFC 2246 section 6.3), which {@link ExportKeys}
     * turns into the final keys and IVs.
     */
    public static KeyBlock keyBlock(CipherSpec spec, int version, byte[] masterSecret, byte[] clientRandom,
                                    byte[] serverRandom) {
        if (version == CipherSpec.TLS13) {
            throw new IllegalArgumentException("TLS 1.3 keys come from traffic secrets, not a key block");
        }
        int mac = spec.macLength();
        int key = spec.keyMaterialLength();
        int iv = spec.isExport() ? 0 : spec.fixedIvLength();
        int length = 2 * (mac + key + iv);
        byte[] block = version == CipherSpec.SSL3
                ? Ssl3.keyMaterial(masterSecret, serverRandom, clientRandom, length)
                : Prf.compute(spec, version, masterSecret, "key expansion", Prf.concat(serverRandom, clientRandom), length);
        int keys = 2 * mac;
        int ivs = keys + 2 * key;
        KeyBlock split = new KeyBlock(
                new TrafficKeys(part(block, 0, mac), part(block, keys, key), part(block, ivs, iv)),
                new TrafficKeys(part(block, mac, mac), part(block, keys + key, key), part(block, ivs + iv, iv)));
        return spec.isExport() ? ExportKeys.expand(spec, version, split, clientRandom, serverRandom) : split;
    }

    private static byte[] part(byte[] block, int from, int length) {
        return Arrays.copyOfRange(block, from, from + length);
    }

    /**
     * The verify_data the client's ({@code client}) or server's Finished must carry, over the transcript of
     * every handshake message before that Finished (36 bytes for SSL 3.0, 12 otherwise).
     */
    public static byte[] verifyData(CipherSpec spec, int version, byte[] masterSecret, boolean client, Transcript transcript) {
        if (version == CipherSpec.SSL3) {
            return Ssl3.finished(masterSecret, client, transcript);
        }
        String label = client ? "client finished" : "server finished";
        return Prf.compute(spec, version, masterSecret, label, transcript.sessionHash(spec, version), VERIFY_DATA_LENGTH);
    }
}
