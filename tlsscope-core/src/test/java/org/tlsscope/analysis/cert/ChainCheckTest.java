package org.tlsscope.analysis.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsscope.analysis.Finding;
import org.tlsscope.bytes.Slice;

/** The made chains of fixtures/certs checked as chains, in order, out of order, broken, expired, misnamed. */
class ChainCheckTest {
    private static final ParsedCertificate ROOT = TestChains.parsed("root.pem");
    private static final ParsedCertificate INTERMEDIATE = TestChains.parsed("intermediate.pem");
    private static final ParsedCertificate LEAF = TestChains.parsed("leaf.pem");
    private static final ParsedCertificate WEAK = TestChains.parsed("weak-sha1.pem");
    /** A day into the leaf's validity: every certificate of the chain is valid then. */
    private static final Instant VALID = TestChains.info("leaf.pem").notBefore().plus(Duration.ofDays(1));

    private static List<String> codes(ChainCheck check) {
        return CertificateFindings.of(check, 1, 5, false).stream().map(Finding::code).toList();
    }

    @Test
    void aGoodChainHasNoFinding() {
        ChainCheck check = ChainCheck.check(List.of(LEAF, INTERMEDIATE, ROOT), VALID, "www.chain.test");
        assertThat(check.links()).extracting(ChainCheck.Link::signature)
                .containsExactly(ChainCheck.Signature.VERIFIED, ChainCheck.Signature.VERIFIED);
        assertThat(check.ordered()).isTrue();
        assertThat(check.signaturesVerified()).isTrue();
        assertThat(check.selfSignedRoot()).isTrue();
        assertThat(check.selfSignedLeaf()).isFalse();
        assertThat(check.validAtCapture()).isTrue();
        assertThat(check.sniMatches()).isTrue();
        assertThat(codes(check)).isEmpty();
    }

    @Test
    void theRootMayBeLeftOut() {
        ChainCheck check = ChainCheck.check(List.of(LEAF, INTERMEDIATE), VALID, null);
        assertThat(check.signaturesVerified()).isTrue();
        assertThat(check.selfSignedRoot()).isFalse();
        assertThat(check.sniMatches()).isNull();
        assertThat(codes(check)).isEmpty();
    }

    @Test
    void outOfOrderNamesEveryMisplacedCertificate() {
        ChainCheck check = ChainCheck.check(List.of(LEAF, ROOT, INTERMEDIATE), VALID, "www.chain.test");
        assertThat(check.ordered()).isFalse();
        // The leaf's issuer is two places on, the root is not last, the intermediate's issuer comes before it.
        assertThat(check.misplaced()).containsExactly(0, 1, 2);
        assertThat(codes(check)).containsOnly("cert.chain_out_of_order").hasSize(3);
    }

    @Test
    void aMissingIntermediateBreaksTheChain() {
        ChainCheck check = ChainCheck.check(List.of(LEAF, ROOT), VALID, "www.chain.test");
        assertThat(check.links().getFirst().namesMatch()).isFalse();
        List<Finding> findings = CertificateFindings.of(check, 1, 5, true);
        assertThat(findings).extracting(Finding::code).containsExactly("cert.chain_broken");
        assertThat(findings.getFirst().message()).endsWith("it names CN=tlsscope test intermediate,O=tlsscope tests as its issuer");
        assertThat(findings.getFirst().reference()).isEqualTo("RFC 8446 section 4.4.2");
    }

    @Test
    void aSignatureThatDoesNotVerifyBreaksTheChain() {
        byte[] der = TestChains.der("leaf.pem").toArray();
        der[der.length - 1] ^= 0x01; // the last byte of the signature value
        ParsedCertificate tampered = CertificateParser.parse(Slice.of(der));
        assertThat(tampered).isInstanceOf(ParsedCertificate.Readable.class);
        ChainCheck check = ChainCheck.check(List.of(tampered, INTERMEDIATE, ROOT), VALID, "www.chain.test");
        assertThat(check.links().getFirst()).isEqualTo(new ChainCheck.Link(0, true, ChainCheck.Signature.FAILED));
        assertThat(check.signaturesVerified()).isFalse();
        List<Finding> findings = CertificateFindings.of(check, 1, 5, false);
        assertThat(findings).extracting(Finding::code).containsExactly("cert.chain_broken");
        assertThat(findings.getFirst().message()).contains("signature does not verify");
    }

    @Test
    void validityIsJudgedAtCaptureTime() {
        Instant afterLeaf = TestChains.info("leaf.pem").notAfter().plusSeconds(1);
        ChainCheck expired = ChainCheck.check(List.of(LEAF, INTERMEDIATE, ROOT), afterLeaf, "www.chain.test");
        assertThat(expired.validAtCapture()).isFalse();
        assertThat(CertificateFindings.of(expired, 1, 5, false)).singleElement()
                .satisfies(f -> assertThat(f.code()).isEqualTo("cert.expired"))
                .satisfies(f -> assertThat(f.message()).startsWith("certificate 0 (CN=leaf.chain.test) expired on"))
                .satisfies(f -> assertThat(f.reference()).isEqualTo("RFC 5280 section 4.1.2.5"));

        Instant beforeAll = TestChains.info("root.pem").notBefore().minusSeconds(1);
        ChainCheck early = ChainCheck.check(List.of(LEAF, INTERMEDIATE, ROOT), beforeAll, "www.chain.test");
        assertThat(codes(early)).containsExactly("cert.not_yet_valid", "cert.not_yet_valid", "cert.not_yet_valid");
        // The bounds themselves are inside the period (RFC 5280 section 4.1.2.5).
        assertThat(ChainCheck.validAt(TestChains.info("leaf.pem"), TestChains.info("leaf.pem").notAfter())).isTrue();
    }

    @Test
    void aSelfSignedLeafAlone() {
        ChainCheck check = ChainCheck.check(List.of(ROOT), VALID, null);
        assertThat(check.selfSignedLeaf()).isTrue();
        assertThat(check.selfSignedRoot()).isTrue();
        assertThat(check.signaturesVerified()).isTrue();
        assertThat(codes(check)).containsExactly("cert.self_signed");
    }

    @Test
    void theSniAgainstTheLeafsNames() {
        assertThat(ChainCheck.check(List.of(LEAF), VALID, "a.wild.chain.test").sniMatches()).isTrue();
        assertThat(ChainCheck.check(List.of(LEAF), VALID, "WWW.Chain.TEST.").sniMatches()).isTrue();
        // One label for the wildcard, not two, not none.
        assertThat(ChainCheck.check(List.of(LEAF), VALID, "a.b.wild.chain.test").sniMatches()).isFalse();
        assertThat(ChainCheck.check(List.of(LEAF), VALID, "wild.chain.test").sniMatches()).isFalse();
        // The CN is not looked at when there are DNS names (RFC 6125 section 6.4.4)...
        assertThat(ChainCheck.check(List.of(LEAF), VALID, "leaf.chain.test").sniMatches()).isFalse();
        // ... and is when there are none.
        assertThat(ChainCheck.check(List.of(WEAK), VALID, "weak.chain.test").sniMatches()).isTrue();

        List<Finding> findings = CertificateFindings.of(ChainCheck.check(List.of(LEAF, INTERMEDIATE), VALID, "other.test"), 1, 5, false);
        assertThat(findings).extracting(Finding::code).containsExactly("cert.sni_mismatch");
        assertThat(findings.getFirst().message())
                .isEqualTo("the client asked for other.test but the server's certificate names www.chain.test, *.wild.chain.test");
    }

    @Test
    void wildcardRulesOfRfc6125() {
        assertThat(HostnameMatch.matches("foo.example.com", "*.example.com")).isTrue();
        assertThat(HostnameMatch.matches("foo.example.com", "f*.example.com")).isTrue();
        assertThat(HostnameMatch.matches("foo.example.com", "*o.example.com")).isTrue();
        assertThat(HostnameMatch.matches("bar.example.com", "f*.example.com")).isFalse();
        assertThat(HostnameMatch.matches("example.com", "*.example.com")).isFalse();
        assertThat(HostnameMatch.matches("foo.bar.example.com", "*.example.com")).isFalse();
        assertThat(HostnameMatch.matches("www.foo.example.com", "www.*.example.com")).isFalse();
        assertThat(HostnameMatch.matches("foo.com", "*.com")).isFalse();
        assertThat(HostnameMatch.matches("xn--bcher-kva.example.com", "xn--*.example.com")).isFalse();
        assertThat(HostnameMatch.matches("foo.example.com", "*.*.com")).isFalse();
        assertThat(HostnameMatch.matches("Foo.Example.COM", "*.example.com")).isTrue();
    }

    @Test
    void weakKeyAndSha1Signature() {
        ChainCheck check = ChainCheck.check(List.of(WEAK, INTERMEDIATE, ROOT), VALID, "weak.chain.test");
        assertThat(check.signaturesVerified()).isTrue();
        List<Finding> findings = CertificateFindings.of(check, 1, 5, false);
        assertThat(findings).extracting(Finding::code).containsExactly("cert.signature_sha1", "cert.key_weak");
        assertThat(findings.get(1).message()).isEqualTo("certificate 0 (CN=weak.chain.test) has a 1024-bit RSA key (at least 2048 bits are needed)");
    }
}
