package org.tlsscope.analysis.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tlsscope.analysis.Finding;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.testing.Corpus;
import org.tlsscope.testing.RecordingListener;

/** Each finding on a real capture that shows it: recorded fixtures, the post's session, the public corpus. */
class FindingsCaptureTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "samples/post-session.pcap, proto.no_extended_master_secret",
            "samples/post-session.pcap, suite.rsa_key_exchange",
            "samples/post-session.pcap, suite.cbc_sha1",
            "samples/post-session.pcap, proto.tls_deprecated",
            "fixtures/tls12-handshake-failure-no-shared-cipher.pcap, handshake.incomplete",
            "fixtures/tls12-resumption-ticket.pcap, proto.resumed",
            "corpus/wireshark-notes/ssl3/dump.pcapng, proto.sslv3",
            "corpus/wireshark-notes/ssl3/dump.pcapng, suite.export",
            "corpus/wireshark-notes/ssl3/dump.pcapng, suite.rc4",
            "corpus/wireshark-notes/ssl3/dump.pcapng, suite.md5_mac",
            "corpus/retina/tls_ciphers.pcap, suite.des",
            "corpus/ndpi/ftp-start-tls.pcap, suite.3des",
            "corpus/snet/TLS1_1_AECDH-NULL-SHA.pcap, suite.null_cipher",
            "corpus/snet/TLS1_1_AECDH-NULL-SHA.pcap, suite.anonymous",
            "corpus/snet/mTLS1_2_DSA.pcap, kx.dh_weak",
            "corpus/scapy-ssl_tls/RSA_WITH_AES_128_CBC_SHA.pcap, proto.compression",
            "corpus/ja4/https-connect.pcap, proto.heartbeat",
            "corpus/ndpi/tls_alert.pcap, proto.fallback_scsv",
            "corpus/ndpi/tls-rdn-extract.pcap, proto.renegotiation_info_missing",
            "corpus/ja4/latest.pcapng, proto.resumed"})
    void theCaptureShowsTheFinding(String capture, String code) throws IOException {
        Path path = capture.startsWith("corpus/") ? Corpus.file(capture.substring("corpus/".length()))
                : capture.startsWith("fixtures/") ? Path.of("src/test/resources/fixtures/openssl", capture.substring("fixtures/".length()))
                : Path.of("..", capture);
        RecordingListener findings = new RecordingListener(false);
        try (CaptureReader reader = Captures.open(path)) {
            Analyzer.run(reader, findings);
        }
        assertThat(findings.findings).extracting(Finding::code).contains(code);
        Finding f = findings.findings.stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
        assertThat(f.connection()).isPositive();
        assertThat(f.frame()).isPositive();
        assertThat(f.reference()).isNotBlank();
        assertThat(findings.connections).anyMatch(c -> c.findings().contains(f));
    }
}
