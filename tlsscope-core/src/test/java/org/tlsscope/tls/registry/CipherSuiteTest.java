package org.tlsscope.tls.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CipherSuiteTest {

    /** Bulk ciphers the IANA and Wireshark names use, as written in the names. */
    private static final Set<String> CIPHERS = Set.of(
            "NULL", "RC4_40", "RC4_56", "RC4_128", "RC2_CBC_40", "RC2_CBC_56", "IDEA_CBC", "DES40_CBC", "DES_CBC",
            "DES_CBC_40", "3DES_EDE_CBC", "AES_128_CBC", "AES_256_CBC", "AES_128_GCM", "AES_256_GCM", "AES_128_CCM",
            "AES_256_CCM", "AES_128_CCM_8", "AES_256_CCM_8", "CAMELLIA_128_CBC", "CAMELLIA_256_CBC", "CAMELLIA_128_GCM",
            "CAMELLIA_256_GCM", "ARIA_128_CBC", "ARIA_256_CBC", "ARIA_128_GCM", "ARIA_256_GCM", "SEED_CBC",
            "CHACHA20_POLY1305", "AEGIS_256", "AEGIS_128L", "SM4_GCM", "SM4_CCM", "SM4_CBC", "SM1", "KUZNYECHIK_CTR",
            "MAGMA_CTR", "28147_CNT", "KUZNYECHIK_MGM_L", "MAGMA_MGM_L", "KUZNYECHIK_MGM_S", "MAGMA_MGM_S",
            "FORTEZZA_CBC", "SALSA20", "ESTREAM_SALSA20");
    private static final Set<String> HASHES = Set.of(
            "NULL", "MD5", "SHA", "SHA1", "SHA256", "SHA384", "SM3", "OMAC", "IMIT", "GOSTR3411", "GOSTR341112_256");
    private static final Set<String> AUTHENTICATIONS = Set.of(
            "NULL", "RSA", "DSS", "ECDSA", "anon", "PSK", "SRP", "KRB5", "ECCPWD", "GOSTR341012", "GOSTR341094",
            "GOSTR341001", "FORTEZZA", "ECJPAKE", "SM2", "IBC");

    @Test
    void everyNamedSuiteParsesIntoKnownComponents() {
        int parsed = 0;
        for (int id : Registries.CIPHER_SUITES.values()) {
            CipherSuite s = CipherSuite.of(id);
            assertThat(s.id()).isEqualTo(id);
            assertThat(s.name()).isEqualTo(Registries.CIPHER_SUITES.name(id));
            assertThat(s.keyExchange()).as(s.name()).isNotEqualTo(KeyExchange.UNKNOWN);
            if (s.keyExchange() == KeyExchange.SCSV) {
                assertThat(s.cipher() + s.mac() + s.authentication()).as(s.name()).isEmpty();
                continue;
            }
            assertThat(s.cipher()).as(s.name()).isIn(CIPHERS);
            assertThat(s.mac()).as(s.name()).isIn(HASHES);
            if (s.keyExchange() == KeyExchange.TLS13) {
                assertThat(s.authentication()).as(s.name()).isEmpty();
            } else {
                assertThat(s.authentication()).as(s.name()).isIn(AUTHENTICATIONS);
            }
            parsed++;
        }
        assertThat(parsed).isEqualTo(Registries.CIPHER_SUITES.size() - 2);
    }

    /** Twenty suites checked by hand against the RFC that defines each. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        // RFC 5246 appendix A.5
        "0x0035, TLS_RSA_WITH_AES_256_CBC_SHA,                RSA,        RSA,   AES_256_CBC,       SHA",
        "0x0004, TLS_RSA_WITH_RC4_128_MD5,                    RSA,        RSA,   RC4_128,           MD5",
        "0x0013, TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA,           DHE,        DSS,   3DES_EDE_CBC,      SHA",
        "0x0037, TLS_DH_RSA_WITH_AES_256_CBC_SHA,             DH,         RSA,   AES_256_CBC,       SHA",
        "0x006C, TLS_DH_anon_WITH_AES_128_CBC_SHA256,         DH_ANON,    anon,  AES_128_CBC,       SHA256",
        "0x0000, TLS_NULL_WITH_NULL_NULL,                     NULL,       NULL,  NULL,              NULL",
        // RFC 4346 appendix A.5 (export)
        "0x0003, TLS_RSA_EXPORT_WITH_RC4_40_MD5,              RSA_EXPORT, RSA,   RC4_40,            MD5",
        "0x0014, TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA,       DHE,        RSA,   DES40_CBC,         SHA",
        // RFC 2712 section 3
        "0x0026, TLS_KRB5_EXPORT_WITH_DES_CBC_40_SHA,         KRB5,       KRB5,  DES_CBC_40,        SHA",
        // RFC 4279 sections 2-4, RFC 5489
        "0x008C, TLS_PSK_WITH_AES_128_CBC_SHA,                PSK,        PSK,   AES_128_CBC,       SHA",
        "0x00AA, TLS_DHE_PSK_WITH_AES_128_GCM_SHA256,         DHE_PSK,    PSK,   AES_128_GCM,       SHA256",
        "0x0094, TLS_RSA_PSK_WITH_AES_128_CBC_SHA,            RSA_PSK,    RSA,   AES_128_CBC,       SHA",
        "0xC035, TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA,          ECDHE_PSK,  PSK,   AES_128_CBC,       SHA",
        // RFC 8422 section 6, RFC 5289
        "0xC02F, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,       ECDHE,      RSA,   AES_128_GCM,       SHA256",
        "0xC024, TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,     ECDHE,      ECDSA, AES_256_CBC,       SHA384",
        "0xC005, TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA,         ECDH,       ECDSA, AES_256_CBC,       SHA",
        "0xC018, TLS_ECDH_anon_WITH_AES_128_CBC_SHA,          ECDH_ANON,  anon,  AES_128_CBC,       SHA",
        // RFC 5054 section 2.7
        "0xC01E, TLS_SRP_SHA_RSA_WITH_AES_128_CBC_SHA,        SRP,        RSA,   AES_128_CBC,       SHA",
        // RFC 6655 section 3 (CCM uses the SHA-256 PRF), section 4 (IANA's PSK_DHE spelling of DHE_PSK)
        "0xC0AB, TLS_PSK_DHE_WITH_AES_256_CCM_8,              DHE_PSK,    PSK,   AES_256_CCM_8,     SHA256",
        // RFC 7905 section 2
        "0xCCA8, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, ECDHE,      RSA,   CHACHA20_POLY1305, SHA256",
        // RFC 8492 section 5
        "0xC0B0, TLS_ECCPWD_WITH_AES_128_GCM_SHA256,          ECCPWD,     ECCPWD, AES_128_GCM,      SHA256",
        // RFC 9189 section 4
        "0xC100, TLS_GOSTR341112_256_WITH_KUZNYECHIK_CTR_OMAC, GOST,      GOSTR341012, KUZNYECHIK_CTR, OMAC",
    })
    void handCheckedAgainstTheRfcs(String id, String name, KeyExchange kx, String auth, String cipher, String mac) {
        CipherSuite s = CipherSuite.of(Integer.decode(id));
        assertThat(s).isEqualTo(new CipherSuite(Integer.decode(id), name, kx, auth, cipher, mac));
    }

    /** RFC 8446 appendix B.4, RFC 9150 section 5, RFC 9367 section 3: TLS 1.3 suites carry no key exchange. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "0x1301, TLS_AES_128_GCM_SHA256,       AES_128_GCM,       SHA256",
        "0x1302, TLS_AES_256_GCM_SHA384,       AES_256_GCM,       SHA384",
        "0x1303, TLS_CHACHA20_POLY1305_SHA256, CHACHA20_POLY1305, SHA256",
        "0x1305, TLS_AES_128_CCM_8_SHA256,     AES_128_CCM_8,     SHA256",
        "0xC0B4, TLS_SHA256_SHA256,            NULL,              SHA256",
        "0xC103, TLS_GOSTR341112_256_WITH_KUZNYECHIK_MGM_L, KUZNYECHIK_MGM_L, GOSTR341112_256",
    })
    void tls13Suites(String id, String name, String cipher, String mac) {
        assertThat(CipherSuite.of(Integer.decode(id)))
                .isEqualTo(new CipherSuite(Integer.decode(id), name, KeyExchange.TLS13, "", cipher, mac));
    }

    @Test
    void nonIanaValuesWiresharkNames() {
        assertThat(CipherSuite.of(0xfeff).keyExchange()).isEqualTo(KeyExchange.RSA);
        assertThat(CipherSuite.of(0x001d))
                .isEqualTo(new CipherSuite(0x001d, "SSL_FORTEZZA_KEA_WITH_FORTEZZA_CBC_SHA", KeyExchange.FORTEZZA_KEA,
                        "FORTEZZA", "FORTEZZA_CBC", "SHA"));
        assertThat(CipherSuite.of(0x0062).keyExchange()).isEqualTo(KeyExchange.RSA_EXPORT);
        assertThat(CipherSuite.of(0xe011))
                .isEqualTo(new CipherSuite(0xe011, "ECDHE_SM4_CBC_SM3", KeyExchange.GMTLS_ECDHE, "SM2", "SM4_CBC", "SM3"));
        assertThat(CipherSuite.of(0xcc13).isIana()).isFalse();
        assertThat(CipherSuite.of(0xcca8).isIana()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "0x0001, 16", // TLS_RSA_WITH_NULL_MD5: HMAC-MD5
            "0x0002, 20", // TLS_RSA_WITH_NULL_SHA: HMAC-SHA1
            "0x003b, 32", // TLS_RSA_WITH_NULL_SHA256
            "0xc03b, 48", // TLS_ECDHE_PSK_WITH_NULL_SHA384
            "0xc02f, -1", // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: encrypted
            "0x0000, -1", // TLS_NULL_WITH_NULL_NULL: the initial state, no MAC either
    })
    void nullCipherSuitesEndRecordsWithTheirHmac(String id, int length) {
        assertThat(CipherSuite.of(Integer.decode(id)).nullCipherMacLength()).isEqualTo(length);
    }

    @Test
    void signallingValues() {
        assertThat(CipherSuite.of(0x00ff).keyExchange()).isEqualTo(KeyExchange.SCSV);
        assertThat(CipherSuite.of(0x5600).keyExchange()).isEqualTo(KeyExchange.SCSV);
    }

    @Test
    void unknownAndGreaseValuesNeverGiveNull() {
        assertThat(CipherSuite.of(0x1234))
                .isEqualTo(new CipherSuite(0x1234, "unknown (0x1234)", KeyExchange.UNKNOWN, "", "", ""));
        assertThat(CipherSuite.of(0x3a3a).name()).isEqualTo("GREASE (0x3a3a)");
        assertThat(CipherSuite.of(0x3a3a).keyExchange()).isEqualTo(KeyExchange.UNKNOWN);
    }

    @Test
    void exportAndAeadFlags() {
        assertThat(CipherSuite.of(0x0003).isExport()).isTrue();
        assertThat(CipherSuite.of(0x0064).isExport()).isTrue();
        assertThat(CipherSuite.of(0x0035).isExport()).isFalse();
        assertThat(CipherSuite.of(0xc02f).isAead()).isTrue();
        assertThat(CipherSuite.of(0xc0a0).isAead()).isTrue();
        assertThat(CipherSuite.of(0xcca9).isAead()).isTrue();
        assertThat(CipherSuite.of(0x1306).isAead()).isTrue();
        assertThat(CipherSuite.of(0xc103).isAead()).isTrue();
        assertThat(CipherSuite.of(0x002f).isAead()).isFalse();
        assertThat(CipherSuite.of(0xc0b4).isAead()).isFalse();
    }

    /** Which ServerKeyExchange body each family of suites announces (RFC 5246 7.4.3, RFC 4279, RFC 8422 5.4, RFC 5054 2.8). */
    @Test
    void serverKeyExchangeStructureFollowsTheSuite() {
        assertThat(kx(0x0039).isEphemeralDh()).isTrue();                       // DHE_RSA: ServerDHParams
        assertThat(kx(0x0034).isEphemeralDh()).isTrue();                       // DH_anon
        assertThat(kx(0x0090).isEphemeralDh()).isTrue();                       // DHE_PSK: hint + ServerDHParams
        assertThat(kx(0x0090).isPsk()).isTrue();
        assertThat(kx(0x0037).isEphemeralDh()).isFalse();                      // static DH_RSA: no SKE
        assertThat(kx(0x0037).mayHaveServerKeyExchange()).isFalse();
        assertThat(kx(0xc02b).isEphemeralEcdh()).isTrue();                     // ECDHE_ECDSA: ServerECDHParams
        assertThat(kx(0xc035).isEphemeralEcdh()).isTrue();                     // ECDHE_PSK: hint + ServerECDHParams
        assertThat(kx(0xc005).isEcdh()).isTrue();                              // static ECDH: point in CKE only
        assertThat(kx(0xc005).isEphemeralEcdh()).isFalse();
        assertThat(kx(0xc005).mayHaveServerKeyExchange()).isFalse();
        assertThat(kx(0x0003).hasServerRsaParams()).isTrue();                  // RSA_EXPORT: ServerRSAParams
        assertThat(kx(0x0003).isRsaKeyTransport()).isTrue();
        assertThat(kx(0x0035).mayHaveServerKeyExchange()).isFalse();           // RSA
        assertThat(kx(0x0035).isRsaKeyTransport()).isTrue();
        assertThat(kx(0x0094).isRsaKeyTransport()).isTrue();                   // RSA_PSK
        assertThat(kx(0x0094).isPsk()).isTrue();
        assertThat(kx(0x008c).mayHaveServerKeyExchange()).isTrue();            // PSK: identity hint
        assertThat(kx(0xc01d).isSrp()).isTrue();                               // SRP: ServerSRPParams
        assertThat(kx(0xc0b0).mayHaveServerKeyExchange()).isTrue();            // ECCPWD
        assertThat(kx(0x1301).mayHaveServerKeyExchange()).isFalse();           // TLS 1.3
        assertThat(kx(0x1301).isEphemeral()).isTrue();
        assertThat(kx(0x002f).isEphemeral()).isFalse();
    }

    @Test
    void everyDhOrEcdhSuiteAgreesWithItsName() {
        for (int id : Registries.CIPHER_SUITES.values()) {
            CipherSuite s = CipherSuite.of(id);
            String n = s.name();
            boolean ecdheInName = n.contains("_ECDHE_") || n.contains("ECDH_anon");
            boolean dheInName = n.contains("_DHE_") || n.contains("_DH_anon") || n.contains("_PSK_DHE_");
            if (s.isIana()) {
                assertThat(s.keyExchange().isEphemeralEcdh()).as(n).isEqualTo(ecdheInName);
                assertThat(s.keyExchange().isEphemeralDh()).as(n).isEqualTo(dheInName);
            }
        }
    }

    private static KeyExchange kx(int id) {
        return CipherSuite.of(id).keyExchange();
    }
}
