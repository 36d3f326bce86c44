package org.tlsscope.decrypt.cipher;

import java.util.Arrays;

/**
 * The final write keys and IVs of export suites. Their key block holds 5 secret bytes per write key and
 * no IVs; the keys are those bytes expanded with the hello randoms and the IVs come from the randoms
 * alone: with MD5 in SSL 3.0 (RFC 6101 section 6.2.2), with the PRF in TLS (RFC 2246 section 6.3).
 *
 * <p>RFC 4346 forbids export suites from TLS 1.1 on, yet old OpenSSL builds negotiated them at TLS 1.1 and
 * 1.2 (Wireshark's sample cipher sweeps record such sessions). They are derived as in TLS 1.0 with the
 * PRF of the negotiated version, the SHA-256 PRF at TLS 1.2, as Wireshark does
 * (ssl_generate_keyring_material in epan/dissectors/packet-tls-utils.c) and the recorded sessions
 * confirm; from TLS 1.1 on every CBC record carries its IV, so no IV block is derived.
 */
final class ExportKeys {
    private ExportKeys() {
    }

    /** The final keys from {@code material}, the key block split with 5-byte write keys and no IVs. */
    static KeyBlock expand(CipherSpec spec, int version, KeyBlock material, byte[] clientRandom, byte[] serverRandom) {
        int keyLength = spec.bulk().keyLength();
        int ivLength = spec.fixedIvLength();
        byte[] clientKey;
        byte[] serverKey;
        byte[] clientIv;
        byte[] serverIv;
        if (version == CipherSpec.SSL3) {
            clientKey = Ssl3.exportMd5(keyLength, material.client().key(), clientRandom, serverRandom);
            serverKey = Ssl3.exportMd5(keyLength, material.server().key(), serverRandom, clientRandom);
            clientIv = Ssl3.exportMd5(ivLength, clientRandom, serverRandom);
            serverIv = Ssl3.exportMd5(ivLength, serverRandom, clientRandom);
        } else {
            byte[] randoms = Prf.concat(clientRandom, serverRandom);
            clientKey = Prf.compute(spec, version, material.client().key(), "client write key", randoms, keyLength);
            serverKey = Prf.compute(spec, version, material.server().key(), "server write key", randoms, keyLength);
            byte[] ivBlock = Prf.compute(spec, version, new byte[0], "IV block", randoms, 2 * ivLength);
            clientIv = Arrays.copyOfRange(ivBlock, 0, ivLength);
            serverIv = Arrays.copyOfRange(ivBlock, ivLength, 2 * ivLength);
        }
        return new KeyBlock(new TrafficKeys(material.client().macKey(), clientKey, clientIv),
                new TrafficKeys(material.server().macKey(), serverKey, serverIv));
    }
}
