package org.tlsscope.decrypt.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Export key derivation where the corpus has no recorded session (its export sessions are SSL 3.0 and
 * TLS 1.2, replayed by CorpusDecryptionTest): the TLS 1.0 IV block's PRF over an empty secret, and the
 * lengths the final keys and IVs take.
 */
class ExportKeysTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] CLIENT_RANDOM = HEX.parseHex("0102030405060708091011121314151617181920212223242526272829303132");
    private static final byte[] SERVER_RANDOM = HEX.parseHex("a1a2a3a4a5a6a7a8a9b0b1b2b3b4b5b6b7b8b9c0c1c2c3c4c5c6c7c8c9d0d1d2");
    private static final byte[] MASTER_SECRET = new byte[48];

    /** HMAC with an empty key over an empty message, the published values (RFC 2104 padding rule). */
    @ParameterizedTest
    @CsvSource({
            "MD5, 74e6f7298a9c2d168935f58c001bad88",
            "SHA1, fbdb1d1b18aa6c08324b7d64b71fb76370690e1d",
            "SHA256, b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"})
    void hmacTakesTheEmptyKeyOfTheIvBlock(Hash hash, String expected) {
        assertThat(HEX.formatHex(hash.hmac(new byte[0], new byte[0]))).isEqualTo(expected);
    }

    /** suite, version, final key, IV: the key block's 5 bytes become the cipher's key, CBC gets IVs through TLS 1.0. */
    @ParameterizedTest
    @CsvSource({
            "0x0003, 0x0300, 16, 0", "0x0006, 0x0300, 16, 8", "0x0008, 0x0300, 8, 8",
            "0x0003, 0x0301, 16, 0", "0x0006, 0x0301, 16, 8", "0x0008, 0x0301, 8, 8",
            "0x0006, 0x0302, 16, 0", "0x0014, 0x0303, 8, 0"})
    void finalKeysFitTheRecordCipher(String suite, String version, int key, int iv) {
        int v = Integer.decode(version);
        CipherSpec spec = CipherSpecTest.supported(Integer.decode(suite), v);
        KeyBlock kb = Tls12KeySchedule.keyBlock(spec, v, MASTER_SECRET, CLIENT_RANDOM, SERVER_RANDOM);
        for (TrafficKeys keys : new TrafficKeys[] {kb.client(), kb.server()}) {
            assertThat(keys.key()).hasSize(key);
            assertThat(keys.iv()).hasSize(iv);
            assertThat(keys.macKey()).hasSize(spec.macLength());
            RecordCiphers.create(spec, v, keys, false);
        }
        assertThat(kb.client().key()).isNotEqualTo(kb.server().key());
        if (iv > 0) {
            assertThat(kb.client().iv()).isNotEqualTo(kb.server().iv());
        }
    }

    /**
     * RFC 6101 section 6.2.2: the SSL 3.0 export IVs are MD5 over the randoms alone, the client's first for
     * the client, whatever the master secret; the keys follow the master secret.
     */
    @Test
    void ssl3ExportIvsComeFromTheRandomsAlone() throws Exception {
        CipherSpec spec = CipherSpecTest.supported(0x0008, 0x0300);
        KeyBlock kb = Tls12KeySchedule.keyBlock(spec, 0x0300, MASTER_SECRET, CLIENT_RANDOM, SERVER_RANDOM);
        byte[] otherSecret = MASTER_SECRET.clone();
        otherSecret[0] = 1;
        KeyBlock other = Tls12KeySchedule.keyBlock(spec, 0x0300, otherSecret, CLIENT_RANDOM, SERVER_RANDOM);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(CLIENT_RANDOM);
        assertThat(kb.client().iv()).isEqualTo(Arrays.copyOf(md5.digest(SERVER_RANDOM), 8));
        md5.update(SERVER_RANDOM);
        assertThat(kb.server().iv()).isEqualTo(Arrays.copyOf(md5.digest(CLIENT_RANDOM), 8));
        assertThat(other.client().iv()).isEqualTo(kb.client().iv());
        assertThat(other.client().key()).isNotEqualTo(kb.client().key());
    }
}
