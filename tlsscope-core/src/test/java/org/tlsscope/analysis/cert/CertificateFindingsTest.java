package org.tlsscope.analysis.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsscope.analysis.Finding;
import org.tlsscope.bytes.Slice;
import org.tlsscope.testing.Corpus;
import org.tlsscope.tls.connection.ConnectionReport;

/** Certificate findings of whole captures: the post's session, and corpus captures known for their certificates. */
class CertificateFindingsTest {
    private static final Path POST = Path.of("../samples/post-session.pcap");

    private static ConnectionReport only(Path capture) throws IOException {
        List<ConnectionReport> connections = CapturedCertificates.analyze(capture, null).connections;
        assertThat(connections).hasSize(1);
        return connections.getFirst();
    }

    private static List<String> codes(ConnectionReport report) {
        return CertificateFindings.of(report).stream().map(Finding::code).toList();
    }

    /**
     * The post's 1999 test certificate (samples/README.md: md5WithRSAEncryption, RSA 1024, valid in May 1999),
     * judged at the time of frame 5, which carried it: 2014-12-24 12:02:58 UTC (the ClientHello's gmt_unix_time)
     * plus 4 ms, one per packet.
     */
    @Test
    void thePostsCertificateIsExpiredWeakAndSignedWithMd5() throws IOException {
        ConnectionReport post = only(POST);
        assertThat(post.certificateFrame()).isEqualTo(5);
        assertThat(Instant.ofEpochSecond(0, post.certificateTimeNanos())).isEqualTo(Instant.parse("2014-12-24T12:02:58.004Z"));
        List<Finding> findings = CertificateFindings.of(post);
        assertThat(findings).extracting(Finding::code).containsExactly("cert.expired", "cert.signature_md5", "cert.key_weak");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.connection()).isEqualTo(1);
            assertThat(f.frame()).isEqualTo(5);
        });
        assertThat(findings.getFirst().message()).isEqualTo("certificate 0 (CN=Testserver,C=DE) expired on 1999-05-31 01:26:35 UTC,"
                + " before the capture (2014-12-24 12:02:58 UTC)");
        // The issuer (C=AU, Internet Widgits) was not sent: nothing to check the signature with, nothing self-signed.
        ChainCheck check = ChainCheck.of(post);
        assertThat(check.links()).isEmpty();
        assertThat(check.selfSignedRoot()).isFalse();
    }

    /**
     * The certificate as the post prints it, before samples/README.md's two repairs: a byte short in the
     * signature algorithm's OID and another in the key algorithm's, so every outer length overruns. It is
     * a finding, not an exception.
     */
    @Test
    void thePostsDumpAsPrintedIsAFinding() throws IOException {
        String der = HexFormat.of().formatHex(only(POST).serverCertificates().getFirst().toArray());
        String md5WithRsa = "06092a864886f70d010104";
        String rsaEncryption = "06092a864886f70d010101";
        String asPrinted = der.replaceFirst(md5WithRsa, "06092a864886f70d0104").replaceFirst(rsaEncryption, "06092a864886f70d0101");
        assertThat(asPrinted).hasSize(der.length() - 4);
        ParsedCertificate parsed = CertificateParser.parse(Slice.of(HexFormat.of().parseHex(asPrinted)));
        assertThat(parsed).isInstanceOf(ParsedCertificate.Unparsable.class);

        ChainCheck check = ChainCheck.check(List.of(parsed), Instant.parse("2014-12-24T12:02:58Z"), null);
        assertThat(CertificateFindings.of(check, 1, 5, false)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("cert.unparsable");
            assertThat(f.message()).startsWith("certificate 0 (sha256 " + parsed.sha256() + ") does not parse: ");
            assertThat(f.reference()).isEqualTo("RFC 5280 section 4.1");
        });
    }

    /** wrong.host.badssl.com against *.badssl.com: the wildcard stands for one label, not "wrong.host". */
    @Test
    void badsslWrongHost() throws IOException {
        assertThat(codes(only(Corpus.file("ndpi/ssl-cert-name-mismatch.pcap")))).containsExactly("cert.sni_mismatch");
    }

    /** Zeek's expired-certificate test: a leaf that expired 2014-03-04, captured 2014-03-13; SHA-1 everywhere. */
    @Test
    void zeekExpiredCertificate() throws IOException {
        List<ConnectionReport> connections = CapturedCertificates.analyze(Corpus.file("zeek/tls/tls-expired-cert.pcap"), null).connections;
        assertThat(connections).hasSize(2);
        assertThat(connections).filteredOn(c -> codes(c).contains("cert.expired")).singleElement()
                .satisfies(c -> assertThat(codes(c)).containsExactly("cert.expired", "cert.signature_sha1", "cert.signature_sha1"));
    }

    /** Zeek's ML-DSA-44 certificate: self-signed, its signature verified by the JDK, dated after the capture. */
    @Test
    void zeekMlDsaCertificate() throws IOException {
        ConnectionReport report = only(Corpus.file("zeek/tls/ml-dsa-44-cert.pcap"));
        ChainCheck check = ChainCheck.of(report);
        assertThat(check.lastSelfSignature()).isEqualTo(ChainCheck.Signature.VERIFIED);
        assertThat(codes(report)).containsExactly("cert.not_yet_valid", "cert.self_signed");
    }
}
