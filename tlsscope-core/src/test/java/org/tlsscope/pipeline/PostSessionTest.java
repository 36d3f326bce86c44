package org.tlsscope.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tlsscope.bytes.Field;
import org.tlsscope.net.LayerSpan;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.handshake.Certificate;
import org.tlsscope.tls.handshake.ClientHello;
import org.tlsscope.tls.handshake.ParsedMessage;
import org.tlsscope.tls.handshake.ServerHello;

/** The post's session, rebuilt in samples/post-session.pcap: every value the post states. */
class PostSessionTest {
    static final Path SAMPLE = Path.of("../samples/post-session.pcap");
    private static Collector run;

    @BeforeAll
    static void analyze() throws IOException {
        run = Collector.analyze(SAMPLE, true);
    }

    private static RecordEvent record(int index) {
        return run.records.get(index - 1);
    }

    private static ParsedMessage message(int record, int n) {
        return record(record).messages().get(n);
    }

    @Test
    void oneTlsConnectionFromTheClientsPortToTheTestServer() {
        assertThat(run.connections).singleElement().satisfies(c -> {
            assertThat(c.connection().client().toString()).isEqualTo("127.0.0.1:60454");
            assertThat(c.connection().server().toString()).isEqualTo("127.0.0.1:443");
            assertThat(c.version()).isEqualTo(0x0301);
            assertThat(c.cipherSuite()).isEqualTo(0x0035);
            assertThat(c.established()).isTrue();
            assertThat(c.resumed()).isFalse();
        });
        // What the post did not notice: an obsolete version, RSA key transport, and a certificate expired long
        // before the capture, signed with MD5 over a 1024-bit key. Nothing is wrong with the bytes themselves.
        assertThat(run.findings).extracting(f -> f.code()).containsExactlyInAnyOrder("proto.tls_deprecated",
                "proto.no_extended_master_secret", "suite.cbc_sha1", "suite.rsa_key_exchange", "cert.expired",
                "cert.signature_md5", "cert.key_weak");
        assertThat(run.stats.problem()).isNull();
    }

    @Test
    void firstFlightIsTheClientHelloInA95ByteRecord() {
        RecordEvent r = record(1);
        assertThat(r.flight()).isEqualTo(1);
        assertThat(r.record().header().contentType()).isEqualTo(0x16);
        assertThat(r.record().header().version()).isEqualTo(0x0301);
        assertThat(r.record().header().length()).isEqualTo(95);
        ClientHello ch = (ClientHello) message(1, 0).message();
        assertThat(message(1, 0).raw().bytes().length() - 4).isEqualTo(0x5b);
        assertThat(ch.legacyVersion()).isEqualTo(0x0301);
        assertThat(ch.random().slice(0, 4).hex()).isEqualTo("549aab72");
        assertThat(ch.legacySessionId().length()).isZero();
        assertThat(ch.cipherSuites()).containsExactly(0x0039, 0x0038, 0x0035, 0x0016, 0x0013, 0x000a, 0x0033,
                0x0032, 0x002f, 0x009a, 0x0099, 0x0096, 0x0005, 0x0004, 0x0015, 0x0012, 0x0009, 0x0014, 0x0011,
                0x0008, 0x0006, 0x0003, 0x00ff);
        assertThat(ch.compressionMethods()).containsExactly(0);
        assertThat(ch.extensions()).extracting(Extension::type).containsExactly(0x0023);
        Field suites = message(1, 0).fields().stream().filter(f -> f.name().equals("cipher_suites_length"))
                .findFirst().orElseThrow();
        assertThat(suites.text()).isEqualTo("46 bytes, 23 suites");
    }

    @Test
    void secondFlightIsServerHelloCertificateAndServerHelloDoneInOneSegment() {
        List<RecordEvent> flight2 = run.records.stream().filter(r -> r.flight() == 2).toList();
        assertThat(flight2).extracting(RecordEvent::label).containsExactly("server_hello", "certificate",
                "server_hello_done");
        assertThat(flight2).extracting(r -> r.record().header().length()).containsExactly(0x35, 0x1e4, 4);
        assertThat(flight2).extracting(RecordEvent::frame).containsOnly(flight2.getFirst().frame());
        ServerHello sh = (ServerHello) message(2, 0).message();
        assertThat(sh.legacyVersion()).isEqualTo(0x0301);
        assertThat(sh.random().slice(0, 4).hex()).isEqualTo("549aab72");
        assertThat(sh.cipherSuite()).isEqualTo(0x0035);
        assertThat(sh.compressionMethod()).isZero();
        assertThat(sh.extensions()).extracting(Extension::type).containsExactly(0xff01, 0x0023);
        Certificate cert = (Certificate) message(3, 0).message();
        assertThat(message(3, 0).raw().bytes().length() - 4).isEqualTo(0x1e0);
        assertThat(cert.certificateList()).singleElement()
                .satisfies(e -> assertThat(e.certData().length()).isEqualTo(0x1da));
    }

    @Test
    void thirdAndFourthFlights() {
        assertThat(run.records.stream().filter(r -> r.flight() == 3).map(RecordEvent::label).toList())
                .containsExactly("client_key_exchange", "change_cipher_spec", "encrypted handshake message (finished)");
        assertThat(record(5).record().header().length()).isEqualTo(0x86);
        assertThat(message(5, 0).raw().bytes().length() - 4).isEqualTo(0x82);
        assertThat(record(7).record().header().length()).isEqualTo(0x30);
        assertThat(run.records.stream().filter(r -> r.flight() == 4).map(RecordEvent::label).toList())
                .containsExactly("new_session_ticket", "change_cipher_spec", "encrypted handshake message (finished)");
        assertThat(record(8).record().header().length()).isEqualTo(0xaa);
        assertThat(message(8, 0).raw().bytes().length() - 4).isEqualTo(0xa6);
    }

    @Test
    void applicationDataAndTheEncryptedCloseNotify() {
        ConnectionReport c = run.connections.getFirst();
        assertThat(c.clientAppBytes()).isEqualTo(0x30);
        assertThat(c.alerts()).singleElement().satisfies(a -> {
            assertThat(a.from()).isEqualTo("client");
            assertThat(a.description()).isNull();
        });
        RecordEvent alert = run.records.getLast();
        assertThat(alert.record().header().contentType()).isEqualTo(0x15);
        assertThat(alert.record().header().length()).isEqualTo(0x20);
        assertThat(alert.encrypted()).isTrue();
    }

    @Test
    void theFirstPacketsHeadersAreTheLoopbackFamilyIpv4AndTcp() {
        List<LayerSpan> layers = record(1).segment().layers();
        assertThat(layers).extracting(LayerSpan::name).containsExactly("Family: IP", "IPv4", "TCP");
        assertThat(layers).extracting(LayerSpan::length).containsExactly(4, 20, 32);
        assertThat(record(1).segment().frame().data().slice(0, 4).hex()).isEqualTo("02000000");
    }
}
