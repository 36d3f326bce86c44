package org.tlsscope.decrypt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.DecryptionStatus;
import org.tlsscope.tls.connection.DecryptionStatus.Verification;

/**
 * The recorded OpenSSL sessions (fixtures/openssl, see its README), decrypted with the key logs the
 * clients wrote: every connection opens, both Finished verify, and the application data is the line
 * s_client sent and the reversed line s_server's -rev answered.
 */
class OpensslFixturesDecryptionTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/openssl");
    static final String SENT = "hello from s_client\n";
    static final String ANSWER = "tneilc_s morf olleh\n";

    static Stream<String> keyedSessions() {
        return Stream.of("tls10-rsa-aes256-sha-ticket", "tls11-rsa-aes128-sha", "tls12-client-certificate",
                "tls12-dhe-rsa-aes128-gcm", "tls12-ecdhe-ecdsa-chacha20", "tls12-ecdhe-rsa-aes128-gcm-sni-alpn",
                "tls12-resumption-session-id", "tls12-resumption-ticket", "tls13-aes128-gcm",
                "tls13-client-certificate", "tls13-hello-retry-request", "tls13-resumption-psk");
    }

    @ParameterizedTest
    @MethodSource("keyedSessions")
    void keyLogOpensEveryConnection(String name) throws IOException {
        DecryptedStreams s = DecryptedStreams.run(FIXTURES.resolve(name + ".pcap"), List.of(FIXTURES.resolve(name + ".keys")), List.of());
        assertThat(s.connections).isNotEmpty();
        for (ConnectionReport c : s.connections) {
            int id = c.connection().id();
            DecryptionStatus d = c.decryption();
            assertThat(d.reason()).as("connection %d", id).isNull();
            assertThat(d.decrypted()).isTrue();
            assertThat(d.recordsFailed()).isZero();
            assertThat(d.clientFinished()).as("client Finished of %d", id).isEqualTo(Verification.VERIFIED);
            assertThat(d.serverFinished()).as("server Finished of %d", id).isEqualTo(Verification.VERIFIED);
            assertThat(s.clientText(id)).isEqualTo(SENT);
            assertThat(s.serverText(id)).isEqualTo(ANSWER);
            assertThat(d.clientPlaintextBytes()).isEqualTo(SENT.length());
            // Both sides closed with a readable close_notify.
            assertThat(c.alerts()).extracting(ConnectionReport.AlertSeen::description).containsOnly(0);
        }
    }

    /**
     * A live analysis (tlsscope proxy) follows the key log its client is writing: the file is empty when the
     * analysis starts, and its lines are appended one at a time only when a lookup misses, as a client logs
     * each secret in the middle of its handshake; the lookup waits while the client writes. Every record opens.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tls12-ecdhe-rsa-aes128-gcm-sni-alpn", "tls13-aes128-gcm"})
    void aKeyLogWrittenWhileTheAnalysisRunsOpensTheSession(String name, @TempDir Path dir) throws IOException {
        Path written = dir.resolve("client.keys");
        List<String> toLog = new ArrayList<>(Files.readAllLines(FIXTURES.resolve(name + ".keys")));
        KeyLog keyLog = new KeyLog();
        keyLog.follow(written);
        int[] misses = {0};
        keyLog.whenMissing(() -> {
            misses[0]++;
            if (toLog.isEmpty()) {
                return keyLog.refresh();
            }
            try {
                Files.writeString(written, toLog.removeFirst() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            keyLog.refresh();
            return true;
        });

        DecryptedStreams s = DecryptedStreams.run(FIXTURES.resolve(name + ".pcap"), new Decryption(keyLog, new RsaKeys()));
        DecryptionStatus d = s.connection(1).decryption();
        assertThat(misses[0]).isPositive();
        assertThat(d.reason()).isNull();
        assertThat(d.clientFinished()).isEqualTo(Verification.VERIFIED);
        assertThat(d.serverFinished()).isEqualTo(Verification.VERIFIED);
        assertThat(s.clientText(1)).isEqualTo(SENT);
        assertThat(s.serverText(1)).isEqualTo(ANSWER);
    }

    @Test
    void tls13HandshakeMessagesAreDissectedOnceDecrypted() throws IOException {
        DecryptedStreams s = DecryptedStreams.run(FIXTURES.resolve("tls13-client-certificate.pcap"),
                List.of(FIXTURES.resolve("tls13-client-certificate.keys")), List.of());
        assertThat(s.decryptedMessages).containsSubsequence("1:server:encrypted_extensions", "1:server:certificate_request",
                "1:server:certificate", "1:server:certificate_verify", "1:server:finished", "1:client:certificate",
                "1:client:certificate_verify", "1:client:finished", "1:server:new_session_ticket");
        assertThat(s.connection(1).encryptedHandshakeRecords()).isZero();
    }

    @Test
    void rsaKeyAloneOpensTheStaticRsaSessions() throws IOException {
        for (String name : List.of("tls10-rsa-aes256-sha-ticket", "tls11-rsa-aes128-sha")) {
            DecryptedStreams s = DecryptedStreams.run(FIXTURES.resolve(name + ".pcap"), List.of(), List.of(FIXTURES.resolve("server-rsa.key")));
            DecryptionStatus d = s.connection(1).decryption();
            assertThat(d.reason()).as(name).isNull();
            assertThat(d.keySource()).isEqualTo("RSA private key");
            assertThat(d.clientFinished()).isEqualTo(Verification.VERIFIED);
            assertThat(d.serverFinished()).isEqualTo(Verification.VERIFIED);
            assertThat(s.clientText(1)).isEqualTo(SENT);
        }
    }

    @Test
    void rsaKeyCannotOpenForwardSecrecy() throws IOException {
        DecryptedStreams s = DecryptedStreams.run(FIXTURES.resolve("tls12-ecdhe-rsa-aes128-gcm-sni-alpn.pcap"), List.of(),
                List.of(FIXTURES.resolve("server-rsa.key")));
        DecryptionStatus d = s.connection(1).decryption();
        assertThat(d.decrypted()).isFalse();
        assertThat(d.reason()).contains("ECDHE").contains("RSA private key cannot help");
        assertThat(d.recordsOpened()).isZero();
    }

    @Test
    void resumedSessionOpensWithTheOriginalConnectionsSecret() throws IOException {
        // Only the first connection's line: the second resumes its session and needs no key of its own.
        Path firstOnly = Files.createTempFile("first", ".keys");
        try {
            String firstLine = Files.readAllLines(FIXTURES.resolve("tls12-resumption-ticket.keys")).stream()
                    .filter(l -> l.startsWith("CLIENT_RANDOM")).findFirst().orElseThrow();
            Files.writeString(firstOnly, firstLine + "\n");
            DecryptedStreams s = DecryptedStreams.run(FIXTURES.resolve("tls12-resumption-ticket.pcap"), List.of(firstOnly), List.of());
            assertThat(s.connection(1).decryption().keySource()).isEqualTo("key log (CLIENT_RANDOM)");
            assertThat(s.connection(2).decryption().keySource()).isEqualTo("session ticket of connection 1");
            assertThat(s.connection(2).decryption().serverFinished()).isEqualTo(Verification.VERIFIED);
            assertThat(s.clientText(2)).isEqualTo(SENT);
        } finally {
            Files.delete(firstOnly);
        }
    }

    @Test
    void keyLogOfAnotherCaptureSaysWhichRandomHasNoKey() throws IOException {
        DecryptedStreams s = DecryptedStreams.run(FIXTURES.resolve("tls12-dhe-rsa-aes128-gcm.pcap"),
                List.of(FIXTURES.resolve("tls12-ecdhe-ecdsa-chacha20.keys")), List.of());
        DecryptionStatus d = s.connection(1).decryption();
        assertThat(d.decrypted()).isFalse();
        assertThat(d.reason()).startsWith("no key for client random ");
        assertThat(d.recordsFailed()).isZero();
    }

    @Test
    void aKeyLogExpectedFromARunningEndpointButEmptySaysWhichRandomHasNoKeyNotThatNoneWasGiven() throws IOException {
        for (String capture : List.of("tls12-dhe-rsa-aes128-gcm.pcap", "tls13-aes128-gcm.pcap")) {
            KeyLog empty = new KeyLog();
            assertThat(DecryptedStreams.run(FIXTURES.resolve(capture), new Decryption(empty, new RsaKeys()))
                    .connection(1).decryption().reason()).as(capture).startsWith("no keys given");

            KeyLog expected = new KeyLog();
            expected.expect();
            assertThat(DecryptedStreams.run(FIXTURES.resolve(capture), new Decryption(expected, new RsaKeys()))
                    .connection(1).decryption().reason()).as(capture).startsWith("no key for client random ");
        }
    }

    @Test
    void secretsWrittenBetweenTwoLookupsOpenTheHandshake(@TempDir Path dir)
            throws IOException {
        // A client still writing its key log: the first lookup (the server's handshake secret) misses and the
        // file has nothing new; before the second, the client has written its secrets.
        Path followed = dir.resolve("client.keys");
        List<String> secrets = Files.readAllLines(FIXTURES.resolve("tls13-aes128-gcm.keys"));
        KeyLog keys = new KeyLog();
        keys.follow(followed);
        int[] misses = {0};
        keys.whenMissing(() -> {
            if (misses[0]++ == 0) {
                return false;
            }
            try {
                Files.write(followed, secrets);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return keys.refresh();
        });

        DecryptionStatus d = DecryptedStreams.run(FIXTURES.resolve("tls13-aes128-gcm.pcap"),
                new Decryption(keys, new RsaKeys())).connection(1).decryption();
        assertThat(d.reason()).isNull();
        assertThat(d.decrypted()).isTrue();
        assertThat(d.serverFinished()).isEqualTo(Verification.VERIFIED);
    }

    @Test
    void wrongMasterSecretIsAMacMismatchNeverGarbage() throws IOException {
        Path keys = FIXTURES.resolve("tls11-rsa-aes128-sha.keys");
        Path wrong = Files.createTempFile("wrong", ".keys");
        try {
            String line = Files.readAllLines(keys).stream().filter(l -> l.startsWith("CLIENT_RANDOM")).findFirst().orElseThrow();
            // Flip the master secret's last hex digit.
            char last = line.charAt(line.length() - 1);
            Files.writeString(wrong, line.substring(0, line.length() - 1) + (last == '0' ? '1' : '0') + "\n");
            DecryptedStreams s = DecryptedStreams.run(FIXTURES.resolve("tls11-rsa-aes128-sha.pcap"), List.of(wrong), List.of());
            DecryptionStatus d = s.connection(1).decryption();
            assertThat(d.decrypted()).isFalse();
            assertThat(d.recordsOpened()).isZero();
            assertThat(d.reason()).contains("bad record MAC").contains("record 1");
            assertThat(s.clientText(1)).isEmpty();
        } finally {
            Files.delete(wrong);
        }
    }

    @Test
    void tls13KeyLogWithoutHandshakeSecretsSaysWhatIsMissing() throws IOException {
        Path keys = FIXTURES.resolve("tls13-aes128-gcm.keys");
        Path partial = Files.createTempFile("partial", ".keys");
        try {
            Files.write(partial, Files.readAllLines(keys).stream().filter(l -> l.startsWith("EXPORTER_SECRET")).toList());
            DecryptedStreams s = DecryptedStreams.run(FIXTURES.resolve("tls13-aes128-gcm.pcap"), List.of(partial), List.of());
            DecryptionStatus d = s.connection(1).decryption();
            assertThat(d.decrypted()).isFalse();
            assertThat(d.reason()).contains("EXPORTER_SECRET").contains("SERVER_HANDSHAKE_TRAFFIC_SECRET");
        } finally {
            Files.delete(partial);
        }
    }
}
