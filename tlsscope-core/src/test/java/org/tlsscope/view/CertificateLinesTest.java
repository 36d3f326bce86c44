package org.tlsscope.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsscope.analysis.cert.CertificateParser;
import org.tlsscope.analysis.cert.ChainCheck;
import org.tlsscope.analysis.cert.ParsedCertificate;
import org.tlsscope.analysis.cert.TestChains;
import org.tlsscope.bytes.Slice;

/** The text and JSON of chains the fixture sessions do not have: three certificates, out of order, unparsable. */
class CertificateLinesTest {
    private static final Instant AT = TestChains.info("leaf.pem").notBefore().plus(Duration.ofDays(1));

    @Test
    void aThreeCertificateChainInOrder() {
        ChainCheck check = ChainCheck.check(List.of(TestChains.parsed("leaf.pem"), TestChains.parsed("intermediate.pem"),
                TestChains.parsed("root.pem")), AT, "x.wild.chain.test");
        List<String> lines = CertificateLines.of(check);
        assertThat(lines).hasSize(4);
        assertThat(lines.getFirst()).startsWith("  cert 0: CN=leaf.chain.test, issuer CN=tlsscope test intermediate,O=tlsscope tests,"
                + " RSA 2048, ecdsa-with-SHA256, valid ").contains(", SAN www.chain.test *.wild.chain.test 192.0.2.1, sha256 ");
        assertThat(lines.get(1)).contains(", EC secp256r1, sha384WithRSAEncryption, ");
        assertThat(lines.getLast()).startsWith("  chain: 3 certificates, in order, signatures verified, ends at a self-signed root,"
                + " valid at capture (").endsWith("), SNI x.wild.chain.test matches");
    }

    @Test
    void outOfOrderAndUnparsable() {
        ParsedCertificate cut = CertificateParser.parse(TestChains.der("leaf.pem").slice(0, 100));
        ChainCheck check = ChainCheck.check(List.of(TestChains.parsed("leaf.pem"), TestChains.parsed("root.pem"),
                TestChains.parsed("intermediate.pem"), cut), AT, null);
        List<String> lines = CertificateLines.of(check);
        assertThat(lines.get(3)).startsWith("  cert 3: unparsable (").endsWith("), sha256 " + cut.sha256().substring(0, 8) + "..");
        assertThat(lines.getLast()).startsWith("  chain: 4 certificates, out of order, signatures not all checked, valid at capture");

        Json j = new Json().open();
        CertificateJson.write(j, check);
        String json = j.close().toString();
        assertThat(json).contains("{\"position\":3,\"unparsable\":\"").contains("\"subject\":null")
                .contains("\"key_type\":\"EC\",\"key_bits\":256,\"key_curve\":\"secp256r1\"")
                .contains("\"basic_constraints\":{\"ca\":true,\"path_length\":0}")
                .contains("\"chain\":{\"ordered\":false,\"signatures_verified\":false,\"self_signed_root\":false,"
                        + "\"valid_at_capture\":true,\"sni_matches\":null,\"checked_at\":\"" + AT + "\"}");
    }
}
