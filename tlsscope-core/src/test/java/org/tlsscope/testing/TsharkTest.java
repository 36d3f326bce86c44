package org.tlsscope.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The oracle must say what `tshark -V` shows for the recorded fixtures (see their README). */
class TsharkTest {

    @BeforeAll
    static void needsTshark() {
        assumeTrue(Tshark.available(), "tshark is not installed");
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(TsharkTest.class.getResource("/fixtures/openssl/" + name).toURI());
    }

    @Test
    void decryptedHelloRetryRequestSessionKeepsWireOrderAcrossRecords() throws Exception {
        List<TsharkConnection> connections = Tshark.connections(fixture("tls13-hello-retry-request.pcap"),
                fixture("tls13-hello-retry-request.keys"), null);

        assertThat(connections).singleElement().satisfies(c -> {
            assertThat(c.stream()).isZero();
            assertThat(c.client()).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(c.server()).isEqualTo("127.0.0.1:44309");
            assertThat(c.version()).isEqualTo("TLS 1.3");
            assertThat(c.cipherSuite()).isEqualTo(0x1302);
            assertThat(c.sni()).isNull();
            assertThat(c.alpn()).isNull();
            assertThat(c.messages()).containsExactly(
                    "client:client_hello",
                    "server:hello_retry_request", "server:change_cipher_spec",
                    "client:change_cipher_spec", "client:client_hello",
                    "server:server_hello", "server:encrypted_extensions", "server:certificate",
                    "server:certificate_verify", "server:finished",
                    "client:finished",
                    "server:new_session_ticket", "server:new_session_ticket",
                    "client:alert:warning:close_notify", "server:alert:warning:close_notify");
        });
    }

    @Test
    void withoutKeysOnlyPlaintextMessagesRemain() throws Exception {
        List<TsharkConnection> connections = Tshark.connections(
                fixture("tls12-ecdhe-rsa-aes128-gcm-sni-alpn.pcap"), null, null);

        assertThat(connections).singleElement().satisfies(c -> {
            assertThat(c.server()).isEqualTo("127.0.0.1:44303");
            assertThat(c.version()).isEqualTo("TLS 1.2");
            assertThat(c.cipherSuite()).isEqualTo(0xc02f);
            assertThat(c.sni()).isEqualTo("server.test");
            assertThat(c.alpn()).isEqualTo("http/1.1");
            // The Finished messages and close_notify alerts are encrypted: left out.
            assertThat(c.messages()).containsExactly(
                    "client:client_hello",
                    "server:server_hello", "server:certificate", "server:server_key_exchange",
                    "server:server_hello_done",
                    "client:client_key_exchange", "client:change_cipher_spec",
                    "server:new_session_ticket", "server:change_cipher_spec");
        });
    }

    @Test
    void plaintextFatalAlertIsAMessage() throws Exception {
        List<TsharkConnection> connections = Tshark.connections(
                fixture("tls12-handshake-failure-no-shared-cipher.pcap"), null, null);

        assertThat(connections).singleElement().satisfies(c -> {
            assertThat(c.version()).isNull();
            assertThat(c.cipherSuite()).isNull();
            assertThat(c.messages()).containsExactly(
                    "client:client_hello", "server:alert:fatal:handshake_failure");
        });
    }

    @Test
    void eachTcpStreamIsItsOwnConnection() throws Exception {
        List<TsharkConnection> connections = Tshark.connections(
                fixture("tls12-resumption-session-id.pcap"), fixture("tls12-resumption-session-id.keys"), null);

        assertThat(connections).extracting(TsharkConnection::stream).containsExactly(0, 1);
        assertThat(connections.get(0).client()).isNotEqualTo(connections.get(1).client());
        // The abbreviated handshake of RFC 5246 section 7.3: no certificate, the server finishes first.
        assertThat(connections.get(1).messages()).containsExactly(
                "client:client_hello",
                "server:server_hello", "server:change_cipher_spec", "server:finished",
                "client:change_cipher_spec", "client:finished",
                "client:alert:warning:close_notify", "server:alert:warning:close_notify");
    }

    @Test
    void clientHelloReassembledFromThreeSegmentsCountsOnce() throws Exception {
        List<TsharkConnection> connections = Tshark.connections(
                fixture("tls12-client-hello-in-3-segments.pcap"), fixture("tls12-client-hello-in-3-segments.keys"),
                null);

        assertThat(connections).singleElement().satisfies(c -> {
            assertThat(c.sni()).isEqualTo("server.test");
            assertThat(c.cipherSuite()).isEqualTo(0xc030);
            assertThat(c.messages()).startsWith("client:client_hello", "server:server_hello")
                    .containsOnlyOnce("client:client_hello");
        });
    }

    @Test
    void commandIsTheDocumentedOne() {
        assertThat(String.join(" ", Tshark.command(Path.of("c.pcap"), Path.of("k.keys"), "tcp.port==8443,tls")))
                .startsWith("tshark -n -r c.pcap -o tls.keylog_file:k.keys -d tcp.port==8443,tls -Y tls and tcp -T fields ")
                .contains("-e tls.handshake.type -e tls.handshake.version")
                .endsWith("-e _ws.col.Info -e tls.handshake.ja3 -e tls.handshake.ja3s");
    }
}
