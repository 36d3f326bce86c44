package org.tlsscope.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.tlsscope.analysis.Severity;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.ConnectionReport.MessageSeen;
import org.tlsscope.testing.Corpus;

/** Differences from tshark that were tlsscope's to fix, each pinned on the capture that showed it. */
class CorpusFixesTest {

    private static ConnectionReport connection(Collector c, int clientPort) {
        return c.connections.stream().filter(r -> r.connection().client().port() == clientPort).findFirst().orElseThrow();
    }

    @Test
    void serverMessagesHeldBehindALostSegmentKeepTheirFrameAndWireOrder() throws IOException {
        // tcp.stream 74: the server's segment 2 (Certificate) was lost; its segment 3 (frame 1645, Server Key
        // Exchange and Server Hello Done) waited until the client's ACK in frame 1687 declared the hole lost.
        Collector c = Collector.analyze(Corpus.file("pcapplusplus/ExamplesTest/pcap_examples/tls2.pcap"));
        ConnectionReport report = connection(c, 49724);

        assertThat(report.messages()).extracting(MessageSeen::from, MessageSeen::type, MessageSeen::frame)
                .startsWith(tuple("client", "client_hello", 1633L),
                        tuple("server", "server_hello", 1640L),
                        tuple("server", "server_key_exchange", 1645L),
                        tuple("server", "server_hello_done", 1645L),
                        tuple("client", "client_key_exchange", 1687L));
        assertThat(c.records).filteredOn(e -> e.connection() == report.connection() && e.frame() == 1645)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.segment().src().port()).isEqualTo(443));
    }

    @Test
    void aRecordBoundaryNotFoundAfterLostBytesIsAWarningLikeTheLoss() throws IOException {
        // tls2.pcap lost many segments: streams that end before the next record header after a loss.
        Collector c = Collector.analyze(Corpus.file("pcapplusplus/ExamplesTest/pcap_examples/tls2.pcap"));

        assertThat(c.findings).filteredOn(f -> f.code().equals("tls.resync.failed")).isNotEmpty()
                .allMatch(f -> f.severity() == Severity.WARNING);
    }

    @Test
    void earlyTls13DraftServerHelloHasNoSessionIdNorCompression() throws IOException {
        // draft-ietf-tls-tls13-18 section 4.1.3: version 0x7f12, random, cipher_suite, extensions.
        Collector c = Collector.analyze(Corpus.file("suricata-verify/tls/tls13-draft18/tls13_draft18.pcap"));

        assertThat(c.connections).singleElement().satisfies(r -> {
            assertThat(r.version()).isEqualTo(0x7f12);
            assertThat(r.cipherSuite()).isEqualTo(0x1301);
            assertThat(Collector.messages(r)).contains("server:server_hello");
        });
        assertThat(c.findings).noneMatch(f -> f.code().equals("tls.handshake.malformed"));
    }

    @Test
    void serverHelloOfAnEarlyImplementationWith0x0304HasTheDraftLayout() throws IOException {
        // Version 0x0304 (not a draft number), random, then cipher_suite 0xc02b and extensions: tshark 4.0
        // reads the first extension bytes as a 192-byte session id and reports suite 0xacad.
        Collector c = Collector.analyze(Corpus.file("suricata-verify/tls/tls13-draft14/tls13_draft14.pcap"));

        assertThat(c.connections).singleElement().satisfies(r -> {
            assertThat(r.version()).isEqualTo(0x0304);
            assertThat(r.cipherSuite()).isEqualTo(0xc02b);
        });
        assertThat(c.findings).noneMatch(f -> f.code().equals("tls.handshake.malformed"));
    }

    @Test
    void nullCipherRecordsAfterChangeCipherSpecAreReadBehindTheirMac() throws IOException {
        // TLS_ECDHE_RSA_WITH_NULL_SHA (0xc010): Finished and close_notify travel in the clear, each followed
        // by a 20-byte HMAC-SHA1.
        Collector c = Collector.analyze(Corpus.file("snet/TLS1_ECDHE-RSA-NULL-SHA.pcap"));

        assertThat(c.connections).singleElement().satisfies(r -> {
            assertThat(r.cipherSuite()).isEqualTo(0xc010);
            assertThat(Collector.messages(r)).endsWith("client:change_cipher_spec", "client:finished",
                    "server:change_cipher_spec", "server:finished");
            assertThat(r.encryptedHandshakeRecords()).isZero();
            assertThat(r.established()).isTrue();
            assertThat(r.alerts()).first().isEqualTo(new ConnectionReport.AlertSeen("client", 1, 0,
                    r.alerts().getFirst().frame()));
        });
        // The records read fine: the only error is the analysis's judgement that NULL encryption is no encryption.
        assertThat(c.findings).filteredOn(f -> f.severity() == Severity.ERROR).extracting(f -> f.code())
                .containsExactly("suite.null_cipher");
    }

    @Test
    void tlsRecordsAfterAnSslv2CompatibleClientHelloAreFramedWithoutComplaint() throws IOException {
        // RFC 5246 appendix E.2: an SSL 2.0-format CLIENT-HELLO, answered in SSL 3.0; the client's next
        // record (frame 8, ClientKeyExchange) has a TLS header.
        Collector c = Collector.analyze(Corpus.file("suricata-verify/sslv2-tls-upgrade-01/ssl-v2-s1.pcap"));

        assertThat(c.connections).singleElement().satisfies(r -> assertThat(Collector.messages(r))
                .startsWith("client:client_hello", "server:server_hello"));
        assertThat(Collector.messages(c.connections.getFirst())).contains("client:client_key_exchange");
        assertThat(c.findings).noneMatch(f -> f.code().equals("tls.record.malformed"));
    }

    @Test
    void renegotiationChangeCipherSpecIsCiphertext() throws IOException {
        // STARTTLS IMAP with a renegotiation: the second handshake's 25-byte CCS records are encrypted
        // under the first handshake's keys.
        Collector c = Collector.analyze(Corpus.file("wireshark-notes/tls/imap-ssl.pcapng"));

        assertThat(c.findings).noneMatch(f -> f.code().equals("tls.ccs.malformed"));
        assertThat(c.records).filteredOn(e -> e.record().header().contentType() == 20 && e.record().header().length() > 1)
                .isNotEmpty()
                .allMatch(e -> e.encrypted() && e.label().equals("change_cipher_spec"));
    }

    @Test
    void withoutTheServerHelloTheRecordVersionChoosesTheMessageLayout() throws IOException {
        // Connection 2 lacks the ServerHello; the client's TLS 1.2 records carry a CertificateVerify whose
        // first two bytes are the SignatureScheme (0x0601, rsa_pkcs1_sha512), RFC 5246 section 7.4.8.
        Collector c = Collector.analyze(Corpus.file("ndpi/tls_client_certificate_with_missing_server_one.pcapng"));

        assertThat(c.findings).noneMatch(f -> f.code().equals("tls.handshake.malformed"));
        assertThat(c.connections).allSatisfy(r -> assertThat(Collector.messages(r)).contains("client:certificate_verify"));
    }

    @Test
    void plaintextAfterTheClosingAlertsIsNoTlsError() throws IOException {
        // FTP AUTH TLS, then CCC (RFC 4217 section 6): both sides close TLS with an encrypted alert (frames
        // 40 and 43) and the control channel goes on in plaintext ("PASV", "227 Entering Passive Mode").
        Collector c = Collector.analyze(Corpus.file("ndpi/ftp-start-tls.pcap"));

        assertThat(c.findings).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(c.findings).anyMatch(f -> f.code().equals("tls.record.malformed") && f.frame() == 45
                && f.severity() == Severity.INFO);
    }

    @Test
    void tcpInsideAGtpUTunnelIsFound() throws IOException {
        // Ethernet, IPv4, UDP 2152, GTP-U G-PDU, then the subscriber's IPv4 and TCP to port 443.
        Collector c = Collector.analyze(Corpus.file("ndpi/ja3_lots_of_cipher_suites_2_anon.pcap"));

        assertThat(c.connections).singleElement().satisfies(r -> {
            assertThat(r.connection().client().toString()).isEqualTo("192.168.147.177:58496");
            assertThat(r.connection().server().toString()).isEqualTo("151.121.193.160:443");
            assertThat(Collector.messages(r)).startsWith("client:client_hello", "server:server_hello");
        });
    }

    @Test
    void clientHelloAfterTheCompatibilityChangeCipherSpecIsPlaintext() throws IOException {
        // tcp.stream 38 has only the client's side: ClientHello, then (answering an uncaptured
        // HelloRetryRequest) change_cipher_spec and a second ClientHello in frame 60.
        Collector c = Collector.analyze(Corpus.file("ja4/tls-sni.pcapng"));
        ConnectionReport report = connection(c, 50159);

        assertThat(Collector.messages(report))
                .containsExactly("client:client_hello", "client:change_cipher_spec", "client:client_hello");
        assertThat(report.encryptedHandshakeRecords()).isZero();
        assertThat(report.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
    }
}
