package org.tlsscope.tls.connection;

import org.tlsscope.testing.TlsHarness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsscope.testing.TlsHarness.record;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tlsscope.bytes.Slice;
import org.tlsscope.decrypt.Decryption;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.tls.connection.DecryptionStatus.Verification;
import org.tlsscope.tls.handshake.ParsedMessage;
import org.tlsscope.testing.HexBlocks;

/**
 * RFC 8448 section 3 end to end: its exact records, fed to a connection with a key log written from the
 * RFC's traffic secrets, open into the server's EncryptedExtensions, Certificate, CertificateVerify and
 * Finished, the client's Finished and its 50 bytes of application data; both Finished verify. The server's
 * application record is left out: the RFC does not print the NewSessionTicket record sent before it under
 * the same keys, so it is that direction's second record (sequence number 1) and cannot open first.
 */
class Rfc8448DecryptionTest {
    private static final Map<String, Slice> MESSAGES = HexBlocks.load("/rfc8448/section3-simple-1rtt.hex");
    private static final Map<String, Slice> PROTECTION = HexBlocks.load("/rfc8448/section3-record-protection.hex");

    private static Decryption keys(String... labels) {
        String random = MESSAGES.get("client_hello").slice(6, 32).hex();
        StringBuilder log = new StringBuilder("# RFC 8448 section 3\n");
        for (String label : labels) {
            String block = switch (label) {
                case "CLIENT_HANDSHAKE_TRAFFIC_SECRET" -> "client_handshake_traffic_secret";
                case "SERVER_HANDSHAKE_TRAFFIC_SECRET" -> "server_handshake_traffic_secret";
                case "CLIENT_TRAFFIC_SECRET_0" -> "client_application_traffic_secret";
                default -> "server_application_traffic_secret";
            };
            log.append(label).append(' ').append(random).append(' ').append(PROTECTION.get(block).hex()).append('\n');
        }
        KeyLog keyLog = new KeyLog();
        keyLog.add("rfc8448", log.toString().getBytes(StandardCharsets.US_ASCII));
        return new Decryption(keyLog, new RsaKeys());
    }

    private static TlsHarness run(Decryption keys) {
        TlsHarness h = new TlsHarness(true, false, keys);
        h.client(record(22, 0x0301, MESSAGES.get("client_hello")));
        h.server(record(22, 0x0303, MESSAGES.get("server_hello")));
        h.server(PROTECTION.get("server_handshake_record"));
        h.client(PROTECTION.get("client_finished_record"));
        h.client(PROTECTION.get("client_application_record"));
        h.end();
        return h;
    }

    @Test
    void everyProtectedRecordOpensAndBothFinishedVerify() {
        TlsHarness h = run(keys("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0"));
        assertThat(h.messageTypes()).containsExactly("client:client_hello", "server:server_hello",
                "server:encrypted_extensions", "server:certificate", "server:certificate_verify", "server:finished",
                "client:finished");
        DecryptionStatus d = h.report.decryption();
        assertThat(d.reason()).isNull();
        assertThat(d.decrypted()).isTrue();
        assertThat(d.recordsOpened()).isEqualTo(3);
        assertThat(d.clientFinished()).isEqualTo(Verification.VERIFIED);
        assertThat(d.serverFinished()).isEqualTo(Verification.VERIFIED);
        // Section 3's application data: 50 bytes, 00 to 31.
        assertThat(d.clientPlaintextBytes()).isEqualTo(50);
        RecordEvent app = h.records.get(4);
        assertThat(app.decrypted()).isTrue();
        assertThat(app.plaintext().u8(0)).isZero();
        assertThat(app.plaintext().u8(49)).isEqualTo(0x31);
        assertThat(h.report.encryptedHandshakeRecords()).isZero();
        assertThat(h.report.established()).isTrue();
        List<String> serverFlight = h.records.get(2).messages().stream().map(ParsedMessage::name).toList();
        assertThat(serverFlight).containsExactly("encrypted_extensions", "certificate", "certificate_verify", "finished");
        assertThat(h.records).extracting(RecordEvent::flight).containsExactly(1, 2, 2, 3, 0);
    }

    @Test
    void withoutApplicationSecretsTheHandshakeStillOpens() {
        TlsHarness h = run(keys("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET"));
        DecryptionStatus d = h.report.decryption();
        assertThat(d.clientFinished()).isEqualTo(Verification.VERIFIED);
        assertThat(d.serverFinished()).isEqualTo(Verification.VERIFIED);
        assertThat(d.recordsOpened()).isEqualTo(2);
        assertThat(h.records.get(4).decrypted()).isFalse();
        assertThat(h.records.get(4).encrypted()).isTrue();
    }

    @Test
    void wrongSecretIsATagMismatchAtTheFirstRecord() {
        KeyLog keyLog = new KeyLog();
        String random = MESSAGES.get("client_hello").slice(6, 32).hex();
        String zeros = "00".repeat(32);
        keyLog.add("wrong", ("SERVER_HANDSHAKE_TRAFFIC_SECRET " + random + " " + zeros + "\nCLIENT_HANDSHAKE_TRAFFIC_SECRET "
                + random + " " + zeros + "\n").getBytes(StandardCharsets.US_ASCII));
        TlsHarness h = run(new Decryption(keyLog, new RsaKeys()));
        DecryptionStatus d = h.report.decryption();
        assertThat(d.decrypted()).isFalse();
        assertThat(d.reason()).startsWith("AEAD tag mismatch at server record 1");
        assertThat(d.recordsOpened()).isZero();
    }
}
