package org.tlsscope.tls.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RegistriesTest {

    /** Assigned values per table; the IANA counts are those of the registry revisions named in each file's header. */
    @ParameterizedTest(name = "{0}: {2} rows, {3} from IANA")
    @CsvSource({
        "cipher_suites.tsv,             CIPHER_SUITES,             408, 352",
        "extension_types.tsv,           EXTENSION_TYPES,            72,  63",
        "named_groups.tsv,              NAMED_GROUPS,               56,  56",
        "signature_schemes.tsv,         SIGNATURE_SCHEMES,          37,  37",
        "alert_descriptions.tsv,        ALERT_DESCRIPTIONS,         38,  37",
        "handshake_types.tsv,           HANDSHAKE_TYPES,            26,  25",
        "client_certificate_types.tsv,  CLIENT_CERTIFICATE_TYPES,   15,  12",
        "hash_algorithms.tsv,           HASH_ALGORITHMS,             9,   8",
        "signature_algorithms.tsv,      SIGNATURE_ALGORITHMS,        9,   8",
        "content_types.tsv,             CONTENT_TYPES,               7,   7",
        "protocol_versions.tsv,         PROTOCOL_VERSIONS,          41,   0",
        "alert_levels.tsv,              ALERT_LEVELS,                2,   0",
        "ec_point_formats.tsv,          EC_POINT_FORMATS,            3,   3",
        "ec_curve_types.tsv,            EC_CURVE_TYPES,              3,   3",
        "compression_methods.tsv,       COMPRESSION_METHODS,         3,   3",
        "psk_key_exchange_modes.tsv,    PSK_KEY_EXCHANGE_MODES,      2,   2",
        "certificate_compression_algorithms.tsv, CERTIFICATE_COMPRESSION_ALGORITHMS, 3, 3",
        "certificate_status_types.tsv,  CERTIFICATE_STATUS_TYPES,    2,   2",
        "heartbeat_modes.tsv,           HEARTBEAT_MODES,             2,   2",
        "heartbeat_message_types.tsv,   HEARTBEAT_MESSAGE_TYPES,     2,   2",
    })
    void tableSizes(String resource, String constant, int rows, int iana) throws Exception {
        Registry table = (Registry) Registries.class.getField(constant).get(null);
        assertThat(table.size()).isEqualTo(rows);
        assertThat(dataLines(resource)).as("no value listed twice").hasSize(rows);
        // Tables without a source column are IANA throughout, or (alert levels) have no IANA registry.
        long fromIana = table.column(first(table), 2) == null ? (iana == 0 ? 0 : rows)
                : values(table).filter(v -> table.column(v, 2).startsWith("IANA")).count();
        assertThat(fromIana).isEqualTo(iana);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "cipher_suites.tsv", "extension_types.tsv", "named_groups.tsv", "signature_schemes.tsv", "alert_descriptions.tsv",
        "handshake_types.tsv", "client_certificate_types.tsv", "hash_algorithms.tsv", "signature_algorithms.tsv",
        "content_types.tsv", "protocol_versions.tsv", "alert_levels.tsv", "ec_point_formats.tsv", "ec_curve_types.tsv",
        "compression_methods.tsv", "psk_key_exchange_modes.tsv", "certificate_compression_algorithms.tsv",
        "certificate_status_types.tsv", "heartbeat_modes.tsv", "heartbeat_message_types.tsv"})
    void everyTableNamesItsSourceAndDate(String resource) throws IOException {
        List<String> comments = lines(resource).stream().takeWhile(l -> l.startsWith("#")).toList();
        assertThat(String.join("\n", comments)).contains("Source").containsPattern("20\\d\\d-\\d\\d-\\d\\d");
        assertThat(dataLines(resource)).allSatisfy(l -> assertThat(l.split("\t", -1)[1]).isNotBlank());
    }

    @Test
    void cipherSuiteSpotChecks() {
        Registry cs = Registries.CIPHER_SUITES;
        assertThat(cs.name(0x0035)).isEqualTo("TLS_RSA_WITH_AES_256_CBC_SHA");
        assertThat(cs.name(0x1301)).isEqualTo("TLS_AES_128_GCM_SHA256");
        assertThat(cs.name(0xcca8)).isEqualTo("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
        assertThat(cs.name(0x00ff)).isEqualTo("TLS_EMPTY_RENEGOTIATION_INFO_SCSV");
        assertThat(cs.name(0x5600)).isEqualTo("TLS_FALLBACK_SCSV");
        assertThat(cs.name(0xc0aa)).as("IANA's own spelling").isEqualTo("TLS_PSK_DHE_WITH_AES_128_CCM_8");
        assertThat(cs.name(0xfeff)).isEqualTo("SSL_RSA_FIPS_WITH_3DES_EDE_CBC_SHA");
        assertThat(cs.column(0xfeff, 2)).startsWith("not IANA");
        assertThat(cs.column(0x0035, 2)).isEqualTo("IANA");
        assertThat(cs.describe(0x0035)).isEqualTo("TLS_RSA_WITH_AES_256_CBC_SHA (0x0035)");
    }

    @Test
    void extensionGroupSchemeAndAlertSpotChecks() {
        assertThat(Registries.EXTENSION_TYPES.name(0x0010)).isEqualTo("application_layer_protocol_negotiation");
        assertThat(Registries.EXTENSION_TYPES.name(0xfe0d)).isEqualTo("encrypted_client_hello");
        assertThat(Registries.EXTENSION_TYPES.name(0x002b)).isEqualTo("supported_versions");
        assertThat(Registries.EXTENSION_TYPES.name(0x0000)).isEqualTo("server_name");
        assertThat(Registries.EXTENSION_TYPES.name(0xff01)).isEqualTo("renegotiation_info");
        assertThat(Registries.NAMED_GROUPS.name(0x11ec)).isEqualTo("X25519MLKEM768");
        assertThat(Registries.NAMED_GROUPS.name(0x001d)).isEqualTo("x25519");
        assertThat(Registries.NAMED_GROUPS.name(0x0017)).isEqualTo("secp256r1");
        assertThat(Registries.NAMED_GROUPS.name(0x0100)).isEqualTo("ffdhe2048");
        assertThat(Registries.SIGNATURE_SCHEMES.name(0x0401)).isEqualTo("rsa_pkcs1_sha256");
        assertThat(Registries.SIGNATURE_SCHEMES.name(0x0804)).isEqualTo("rsa_pss_rsae_sha256");
        assertThat(Registries.SIGNATURE_SCHEMES.name(0x0807)).isEqualTo("ed25519");
        assertThat(Registries.ALERT_DESCRIPTIONS.name(0x5a)).isEqualTo("user_canceled");
        assertThat(Registries.ALERT_DESCRIPTIONS.name(0)).isEqualTo("close_notify");
        assertThat(Registries.ALERT_DESCRIPTIONS.name(121)).isEqualTo("ech_required");
        assertThat(Registries.ALERT_LEVELS.name(2)).isEqualTo("fatal");
        assertThat(Registries.CONTENT_TYPES.name(22)).isEqualTo("handshake");
        assertThat(Registries.EC_CURVE_TYPES.name(3)).isEqualTo("named_curve");
        assertThat(Registries.PSK_KEY_EXCHANGE_MODES.name(1)).isEqualTo("psk_dhe_ke");
        assertThat(Registries.CERTIFICATE_COMPRESSION_ALGORITHMS.name(2)).isEqualTo("brotli");
        assertThat(Registries.HASH_ALGORITHMS.name(4)).isEqualTo("sha256");
        assertThat(Registries.SIGNATURE_ALGORITHMS.name(3)).isEqualTo("ecdsa");
    }

    @Test
    void handshakeTypes() {
        assertThat(Registries.HANDSHAKE_TYPES.name(0x01)).isEqualTo("client_hello");
        assertThat(Registries.HANDSHAKE_TYPES.name(0x04)).isEqualTo("new_session_ticket");
        assertThat(Registries.HANDSHAKE_TYPES.name(0x06)).isEqualTo("hello_retry_request");
        assertThat(Registries.HANDSHAKE_TYPES.name(0x0c)).isEqualTo("server_key_exchange");
        assertThat(Registries.HANDSHAKE_TYPES.column(0x0c, 2)).isEqualTo("IANA: server_key_exchange_RESERVED (not used in TLS 1.3)");
        assertThat(Registries.HANDSHAKE_TYPES.name(0x18)).isEqualTo("key_update");
        assertThat(Registries.HANDSHAKE_TYPES.name(0xfe)).isEqualTo("message_hash");
    }

    @Test
    void protocolVersions() {
        Registry v = Registries.PROTOCOL_VERSIONS;
        assertThat(v.name(0x0002)).isEqualTo("SSL 2.0");
        assertThat(v.name(0x0300)).isEqualTo("SSL 3.0");
        assertThat(v.name(0x0301)).isEqualTo("TLS 1.0");
        assertThat(v.name(0x0303)).isEqualTo("TLS 1.2");
        assertThat(v.name(0x0304)).isEqualTo("TLS 1.3");
        assertThat(v.name(0x7f17)).isEqualTo("TLS 1.3 (draft 23)");
        assertThat(v.name(0x7f1c)).isEqualTo("TLS 1.3 (draft 28)");
        assertThat(v.name(0xfb1a)).isEqualTo("TLS 1.3 (Facebook draft 26)");
        assertThat(v.name(0xfeff)).isEqualTo("DTLS 1.0");
        assertThat(v.name(0xfefd)).isEqualTo("DTLS 1.2");
        assertThat(v.name(0xfefc)).isEqualTo("DTLS 1.3");
        assertThat(v.name(0x0100)).isEqualTo("DTLS 1.0 (OpenSSL pre 0.9.8f)");
        assertThat(v.name(0x0305)).isEqualTo("unknown (0x0305)");
    }

    @Test
    void greaseIsNamedInTheTwoByteTablesThatReserveIt() {
        int[] grease = IntStream.rangeClosed(0, 15).map(i -> i << 12 | 0x0a00 | i << 4 | 0x0a).toArray();
        assertThat(grease).hasSize(16).startsWith(0x0a0a, 0x1a1a).endsWith(0xfafa);
        for (Registry table : List.of(Registries.CIPHER_SUITES, Registries.EXTENSION_TYPES, Registries.NAMED_GROUPS,
                Registries.SIGNATURE_SCHEMES, Registries.PROTOCOL_VERSIONS)) {
            for (int g : grease) {
                assertThat(table.name(g)).as(table + " %04x", g).isEqualTo("GREASE (" + table.hex(g) + ")");
                assertThat(table.isAssigned(g)).isFalse();
            }
        }
        assertThat(Registries.CIPHER_SUITES.name(0x0a0b)).isEqualTo("unknown (0x0a0b)");
        assertThat(Registries.PSK_KEY_EXCHANGE_MODES.name(0x0b)).isEqualTo("GREASE (0x0b)");
        assertThat(Registries.PSK_KEY_EXCHANGE_MODES.name(0xe4)).isEqualTo("GREASE (0xe4)");
        assertThat(Registries.PSK_KEY_EXCHANGE_MODES.name(0x0c)).isEqualTo("unknown (0x0c)");
        assertThat(Registries.HANDSHAKE_TYPES.name(0x0a)).isEqualTo("new_connection_id");
    }

    @Test
    void unknownValuesSurviveWithTheirNumber() {
        assertThat(Registries.CIPHER_SUITES.name(0x1234)).isEqualTo("unknown (0x1234)");
        assertThat(Registries.CIPHER_SUITES.describe(0x1234)).isEqualTo("unknown (0x1234)");
        assertThat(Registries.ALERT_DESCRIPTIONS.name(200)).isEqualTo("unknown (0xc8)");
        assertThat(Registries.EXTENSION_TYPES.isAssigned(0x1234)).isFalse();
    }

    private static int first(Registry table) {
        return table.values()[0];
    }

    private static java.util.stream.Stream<Integer> values(Registry table) {
        return java.util.Arrays.stream(table.values()).boxed();
    }

    private static List<String> dataLines(String resource) throws IOException {
        List<String> data = lines(resource).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        return data.subList(1, data.size());
    }

    private static List<String> lines(String resource) throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = Registry.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
