package org.tlsscope.decrypt.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Suite and version to record protection parameters, as the RFCs that define the suites give them. */
class CipherSpecTest {
    static CipherSpec supported(int suite, int version) {
        CipherSpec.Resolution r = CipherSpec.resolve(suite, version);
        assertThat(r).isInstanceOf(CipherSpec.Supported.class);
        return ((CipherSpec.Supported) r).spec();
    }

    static String unsupported(int suite, int version) {
        CipherSpec.Resolution r = CipherSpec.resolve(suite, version);
        assertThat(r).isInstanceOf(CipherSpec.Unsupported.class);
        return ((CipherSpec.Unsupported) r).reason();
    }

    /** suite, version, key, MAC, fixed IV, record IV, tag, PRF/HKDF hash length (36: MD5 + SHA-1). */
    @ParameterizedTest
    @CsvSource({
            // TLS 1.3 (RFC 8446 appendix B.4): 12-byte IVs, no MAC, no explicit nonce.
            "0x1301, 0x0304, 16, 0, 12, 0, 16, 32",
            "0x1302, 0x0304, 32, 0, 12, 0, 16, 48",
            "0x1303, 0x0304, 32, 0, 12, 0, 16, 32",
            "0x1304, 0x0304, 16, 0, 12, 0, 16, 32",
            "0x1305, 0x0304, 16, 0, 12, 0, 8, 32",
            // TLS_RSA_WITH_AES_128_CBC_SHA: implicit IV through TLS 1.0, explicit from TLS 1.1 (RFC 4346 6.2.3.2).
            "0x002f, 0x0300, 16, 20, 16, 0, 0, 36",
            "0x002f, 0x0301, 16, 20, 16, 0, 0, 36",
            "0x002f, 0x0302, 16, 20, 0, 16, 0, 36",
            "0x002f, 0x0303, 16, 20, 0, 16, 0, 32",
            // TLS_RSA_WITH_3DES_EDE_CBC_SHA: 8-byte blocks.
            "0x000a, 0x0300, 24, 20, 8, 0, 0, 36",
            "0x000a, 0x0303, 24, 20, 0, 8, 0, 32",
            // TLS_RSA_WITH_RC4_128_MD5: a stream cipher has no IV.
            "0x0004, 0x0301, 16, 16, 0, 0, 0, 36",
            // TLS_RSA_WITH_NULL_SHA256.
            "0x003b, 0x0303, 0, 32, 0, 0, 0, 32",
            // TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 (RFC 5289): HMAC-SHA384 and the SHA-384 PRF.
            "0xc028, 0x0303, 32, 48, 0, 16, 0, 48",
            // GCM (RFC 5288): 4-byte salt, 8-byte explicit nonce.
            "0xc02f, 0x0303, 16, 0, 4, 8, 16, 32",
            "0xc030, 0x0303, 32, 0, 4, 8, 16, 48",
            // ARIA and Camellia GCM (RFC 6209, 6367).
            "0xc061, 0x0303, 32, 0, 4, 8, 16, 48",
            "0xc07a, 0x0303, 16, 0, 4, 8, 16, 32",
            // CCM and CCM_8 (RFC 6655): the SHA-256 PRF, an 8-byte tag for CCM_8.
            "0xc09c, 0x0303, 16, 0, 4, 8, 16, 32",
            "0xc0a0, 0x0303, 16, 0, 4, 8, 8, 32",
            // ChaCha20-Poly1305 (RFC 7905): 12-byte IV, no explicit nonce.
            "0xcca8, 0x0303, 32, 0, 12, 0, 16, 32"})
    void parameters(String suite, String version, int key, int mac, int fixedIv, int recordIv, int tag, int hash) {
        CipherSpec s = supported(Integer.decode(suite), Integer.decode(version));
        assertThat(s.bulk().keyLength()).as("key").isEqualTo(key);
        assertThat(s.macLength()).as("MAC").isEqualTo(mac);
        assertThat(s.fixedIvLength()).as("fixed IV").isEqualTo(fixedIv);
        assertThat(s.recordIvLength()).as("record IV").isEqualTo(recordIv);
        assertThat(s.bulk().tagLength()).as("tag").isEqualTo(tag);
        assertThat(s.hashLength()).as("hash").isEqualTo(hash);
        assertThat(s.isAead()).isEqualTo(tag > 0);
    }

    /**
     * suite, version, key block write key, final key, fixed IV: 40-bit export suites hold 5 bytes of each
     * write key in the key block, expanded to the cipher's key (RFC 2246 appendix C "Key Material" and
     * "Expanded Key Material", RFC 2712 section 3 for Kerberos).
     */
    @ParameterizedTest
    @CsvSource({
            "0x0003, 0x0300, 5, 16, 0",
            "0x0006, 0x0300, 5, 16, 8",
            "0x0008, 0x0301, 5, 8, 8",
            "0x0006, 0x0302, 5, 16, 0",
            "0x0014, 0x0303, 5, 8, 0",
            "0x0017, 0x0301, 5, 16, 0",
            "0x0019, 0x0301, 5, 8, 8",
            "0x0026, 0x0301, 5, 8, 8",
            "0x0028, 0x0301, 5, 16, 0"})
    void exportSuitesExpandFiveBytesOfKeyMaterial(String suite, String version, int material, int key, int fixedIv) {
        CipherSpec s = supported(Integer.decode(suite), Integer.decode(version));
        assertThat(s.isExport()).isTrue();
        assertThat(s.keyMaterialLength()).as("key material").isEqualTo(material);
        assertThat(s.bulk().keyLength()).as("key").isEqualTo(key);
        assertThat(s.fixedIvLength()).as("fixed IV").isEqualTo(fixedIv);
    }

    @Test
    void fullStrengthSuitesUseTheWholeKey() {
        CipherSpec s = supported(0x0009, 0x0301);
        assertThat(s.isExport()).isFalse();
        assertThat(s.keyMaterialLength()).isEqualTo(s.bulk().keyLength()).isEqualTo(8);
    }

    @Test
    void namesTheSuite() {
        assertThat(supported(0x1301, 0x0304).name()).isEqualTo("TLS_AES_128_GCM_SHA256");
        assertThat(supported(0xc02f, 0x0303).name()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    }

    @Test
    void outOfReachSuitesSayWhyByName() {
        assertThat(unsupported(0x0000, 0x0303)).contains("TLS_NULL_WITH_NULL_NULL");
        assertThat(unsupported(0x0064, 0x0301)).contains("TLS_RSA_EXPORT1024_WITH_RC4_56_SHA").contains("56-bit export");
        assertThat(unsupported(0x0062, 0x0300)).contains("TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA").contains("56-bit export");
        assertThat(unsupported(0xc100, 0x0303)).contains("TLS_GOSTR341112_256_WITH_KUZNYECHIK_CTR_OMAC").contains("GOST");
        assertThat(unsupported(0xe013, 0x0303)).contains("ECC_SM4_CBC_SM3").contains("SM4");
        assertThat(unsupported(0xc0b4, 0x0304)).contains("TLS_SHA256_SHA256").contains("RFC 9150");
        assertThat(unsupported(0x1301, 0x0303)).contains("TLS_AES_128_GCM_SHA256");
        assertThat(unsupported(0xc02f, 0x0304)).contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(unsupported(0x009c, 0x0301)).contains("TLS_RSA_WITH_AES_128_GCM_SHA256").contains("TLS 1.2");
        assertThat(unsupported(0x002f, 0x0200)).contains("TLS_RSA_WITH_AES_128_CBC_SHA").contains("version");
        assertThat(unsupported(0x1234, 0x0303)).contains("0x1234");
    }
}
