package org.tlsscope.decrypt.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tlsscope.bytes.Slice;
import org.tlsscope.testing.HexBlocks;

/** TLS 1.3 key derivation, record protection and Finished against the RFC 8448 section 3 trace. */
class Rfc8448RecordProtectionTest {
    private static final Map<String, Slice> MESSAGES = HexBlocks.load("/rfc8448/section3-simple-1rtt.hex");
    private static final Map<String, Slice> RECORDS = HexBlocks.load("/rfc8448/section3-record-protection.hex");
    private static final CipherSpec AES_128_GCM_SHA256 = spec(0x1301);
    private static final int TLS13 = 0x0304;

    static CipherSpec spec(int suite) {
        return ((CipherSpec.Supported) CipherSpec.resolve(suite, TLS13)).spec();
    }

    private static byte[] bytes(String name) {
        return RECORDS.get(name).toArray();
    }

    private static TrafficKeys keys(String secret) {
        return Tls13KeySchedule.trafficKeys(AES_128_GCM_SHA256, bytes(secret));
    }

    private static Opening open(RecordCipher cipher, String record) {
        Slice r = RECORDS.get(record);
        return cipher.open(r.u8(0), r.u16(1), r.from(5));
    }

    private static Opening.Opened opened(Opening o) {
        assertThat(o).isInstanceOf(Opening.Opened.class);
        return (Opening.Opened) o;
    }

    private static Slice concat(String... messages) {
        byte[] out = new byte[0];
        for (String m : messages) {
            out = Prf.concat(out, MESSAGES.get(m).toArray());
        }
        return Slice.of(out);
    }

    @Test
    void writeKeysAndIvsFromTheTrafficSecrets() {
        for (String phase : new String[] {"server_handshake", "client_handshake", "server_application",
                "client_application"}) {
            TrafficKeys k = keys(phase + "_traffic_secret");
            assertThat(k.key()).as(phase + " key").isEqualTo(bytes(phase + "_key"));
            assertThat(k.iv()).as(phase + " iv").isEqualTo(bytes(phase + "_iv"));
            assertThat(k.macKey()).isEmpty();
        }
    }

    @Test
    void serverHandshakeRecordOpensToTheServersFlight() {
        RecordCipher server = RecordCiphers.create(AES_128_GCM_SHA256, TLS13, keys("server_handshake_traffic_secret"), false);
        Opening.Opened o = opened(open(server, "server_handshake_record"));
        assertThat(o.contentType()).isEqualTo(22);
        assertThat(o.plaintext().contentEquals(
                concat("encrypted_extensions", "certificate", "certificate_verify", "server_finished"))).isTrue();
    }

    @Test
    void clientFinishedRecordOpens() {
        RecordCipher client = RecordCiphers.create(AES_128_GCM_SHA256, TLS13, keys("client_handshake_traffic_secret"), false);
        Opening.Opened o = opened(open(client, "client_finished_record"));
        assertThat(o.contentType()).isEqualTo(22);
        assertThat(o.plaintext().contentEquals(MESSAGES.get("client_finished"))).isTrue();
    }

    @Test
    void applicationDataBothWays() {
        byte[] payload = new byte[50];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        RecordCipher client = RecordCiphers.create(AES_128_GCM_SHA256, TLS13, keys("client_application_traffic_secret"), false);
        Opening.Opened c = opened(open(client, "client_application_record"));
        assertThat(c.contentType()).isEqualTo(23);
        assertThat(c.plaintext().toArray()).isEqualTo(payload);

        RecordCipher server = RecordCiphers.create(AES_128_GCM_SHA256, TLS13, keys("server_application_traffic_secret"), false);
        // The server's first record under these keys is its NewSessionTicket, not reproduced here: the record
        // at sequence 0 is the application data itself, so it fails, and the failure still advances the sequence.
        assertThat(open(server, "server_application_record")).isEqualTo(new Opening.Failed("AEAD tag mismatch"));
        Opening.Opened s = opened(open(server, "server_application_record"));
        assertThat(s.contentType()).isEqualTo(23);
        assertThat(s.plaintext().toArray()).isEqualTo(payload);
    }

    @Test
    void finishedVerifyDataFromTheTranscript() {
        Transcript t = new Transcript();
        for (String m : new String[] {"client_hello", "server_hello", "encrypted_extensions", "certificate",
                "certificate_verify"}) {
            t.add(MESSAGES.get(m));
        }
        byte[] server = Tls13KeySchedule.verifyData(AES_128_GCM_SHA256, bytes("server_handshake_traffic_secret"), t);
        assertThat(server).isEqualTo(MESSAGES.get("server_finished").from(4).toArray());
        t.add(MESSAGES.get("server_finished"));
        byte[] client = Tls13KeySchedule.verifyData(AES_128_GCM_SHA256, bytes("client_handshake_traffic_secret"), t);
        assertThat(client).isEqualTo(MESSAGES.get("client_finished").from(4).toArray());
    }

    @Test
    void wrongKeyFailsPlainly() {
        RecordCipher wrong = RecordCiphers.create(AES_128_GCM_SHA256, TLS13, keys("server_handshake_traffic_secret"), false);
        assertThat(open(wrong, "client_finished_record")).isEqualTo(new Opening.Failed("AEAD tag mismatch"));
    }

    @Test
    void tamperedRecordAndShortRecordFail() {
        RecordCipher client = RecordCiphers.create(AES_128_GCM_SHA256, TLS13, keys("client_handshake_traffic_secret"), false);
        byte[] record = bytes("client_finished_record");
        record[10] ^= 1;
        assertThat(client.open(23, 0x0303, Slice.of(record).from(5))).isEqualTo(new Opening.Failed("AEAD tag mismatch"));
        assertThat(client.open(23, 0x0303, Slice.of(new byte[15]))).isEqualTo(new Opening.Failed("record too short"));
    }
}
