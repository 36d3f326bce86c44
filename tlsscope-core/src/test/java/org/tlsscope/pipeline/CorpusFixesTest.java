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
