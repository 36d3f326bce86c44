package org.tlsscope.decrypt.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsscope.tcp.Direction;

/**
 * The recorded OpenSSL sessions (src/test/resources/fixtures/openssl, see its README): every protected
 * record opens, every Finished matches its transcript, and the application data is the line s_client
 * sent and the line reversed that s_server -rev sent back.
 */
class OpensslFixturesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/openssl");
    private static final String LINE = "hello from s_client";

    static List<SessionReplay.Connection> replay(String name) throws Exception {
        return SessionReplay.replay(FIXTURES.resolve(name + ".pcap"), FIXTURES.resolve(name + ".keys"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tls10-rsa-aes256-sha-ticket", "tls11-rsa-aes128-sha", "tls12-ecdhe-rsa-aes128-gcm-sni-alpn",
            "tls12-dhe-rsa-aes128-gcm", "tls12-ecdhe-ecdsa-chacha20", "tls12-resumption-session-id",
            "tls12-resumption-ticket", "tls12-client-certificate", "tls12-client-hello-in-3-segments",
            "tls13-aes128-gcm", "tls13-hello-retry-request", "tls13-resumption-psk", "tls13-client-certificate"})
    void everyRecordOpensAndEveryFinishedMatches(String name) throws Exception {
        List<SessionReplay.Connection> connections = replay(name);
        assertThat(connections).isNotEmpty();
        for (SessionReplay.Connection c : connections) {
            assertThat(c.failures).as(name + ": " + c).isEmpty();
            assertThat(c.unsupported).as(name).isNull();
            assertThat(c.finishedVerified).as(name + ": " + c).isEqualTo(2);
            if (!name.equals("tls12-client-hello-in-3-segments")) {
                assertThat(c.applicationData(Direction.CLIENT_TO_SERVER)).as(name).isEqualTo(LINE + "\n");
                assertThat(c.applicationData(Direction.SERVER_TO_CLIENT)).as(name)
                        .isEqualTo(new StringBuilder(LINE).reverse() + "\n");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tls10-rsa-aes256-sha-ticket", "tls11-rsa-aes128-sha", "tls12-ecdhe-rsa-aes128-gcm-sni-alpn",
            "tls12-ecdhe-ecdsa-chacha20", "tls13-aes128-gcm"})
    void wrongSecretsGivePlainFailures(String name) throws Exception {
        WrongSecrets.check(name, SessionReplay.replay(FIXTURES.resolve(name + ".pcap"), FIXTURES.resolve(name + ".keys"), true));
    }

    @Test
    void suitesAndExtensionsAreTheRecordedOnes() throws Exception {
        SessionReplay.Connection tls10 = replay("tls10-rsa-aes256-sha-ticket").getFirst();
        assertThat(tls10.suite).isEqualTo("TLS_RSA_WITH_AES_256_CBC_SHA");
        assertThat(tls10.version).isEqualTo(0x0301);
        // OpenSSL negotiates RFC 7366 and RFC 7627 by default: the CBC sessions exercise both.
        assertThat(tls10.encryptThenMac).isTrue();
        assertThat(tls10.extendedMasterSecret).isTrue();
        assertThat(replay("tls11-rsa-aes128-sha").getFirst().encryptThenMac).isTrue();
        SessionReplay.Connection chacha = replay("tls12-ecdhe-ecdsa-chacha20").getFirst();
        assertThat(chacha.suite).isEqualTo("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
        SessionReplay.Connection hrr = replay("tls13-hello-retry-request").getFirst();
        assertThat(hrr.version).isEqualTo(0x0304);
    }

    /**
     * The RSA key exchange sessions decrypt with the server's key alone: the pre-master secret it unwraps,
     * through the (extended) master secret derivation, gives the master secret the key log holds.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tls10-rsa-aes256-sha-ticket", "tls11-rsa-aes128-sha"})
    void masterSecretFromTheRsaPreMasterSecret(String name) throws Exception {
        SessionReplay.Connection c = replay(name).getFirst();
        byte[] encrypted = Arrays.copyOfRange(c.clientKeyExchange.toArray(), 6, c.clientKeyExchange.length());
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.DECRYPT_MODE, serverKey());
        byte[] preMaster = rsa.doFinal(encrypted);
        byte[] master = c.extendedMasterSecret
                ? Tls12KeySchedule.extendedMasterSecret(c.spec, c.version, preMaster, c.sessionHash)
                : Tls12KeySchedule.masterSecret(c.spec, c.version, preMaster, c.clientRandom, c.serverRandom);
        byte[] logged = SessionReplay.keyLog(FIXTURES.resolve(name + ".keys"))
                .get("CLIENT_RANDOM " + HexFormat.of().formatHex(c.clientRandom));
        assertThat(master).isEqualTo(logged);
    }

    private static PrivateKey serverKey() throws Exception {
        String pem = Files.readString(FIXTURES.resolve("server-rsa.key"));
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
