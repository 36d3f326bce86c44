package org.tlsscope.analysis.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsscope.testing.Hellos.clientHello;
import static org.tlsscope.testing.Hellos.extension;
import static org.tlsscope.testing.Hellos.message;
import static org.tlsscope.testing.Hellos.serverHello;
import static org.tlsscope.testing.TlsHarness.record;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsscope.analysis.Finding;
import org.tlsscope.analysis.Severity;
import org.tlsscope.bytes.Slice;
import org.tlsscope.testing.TlsHarness;

/** Each rule triggered by hellos built byte by byte, and left silent by a clean handshake. */
class ConnectionFindingsTest {
    private static final int TLS12 = 0x0303;
    private static final int ECDHE_RSA_AES128_GCM = 0xc02f;
    private static final byte[] EMS = extension(23);
    private static final byte[] RENEGOTIATION_INFO = extension(0xff01, 0);
    private static final byte[] GROUPS_X25519 = extension(10, 0, 2, 0, 29);

    private static List<Finding> findings(Slice clientHello, Slice serverHello, Slice... moreServer) {
        TlsHarness h = new TlsHarness();
        h.client(record(22, 0x0301, clientHello));
        h.server(record(22, TLS12, serverHello));
        for (Slice m : moreServer) {
            h.server(record(22, TLS12, m));
        }
        return ConnectionFindings.of(h.end());
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Test
    void aModernTls12HandshakeGivesOnlyTheUnfinishedHandshake() {
        List<Finding> f = findings(clientHello(TLS12, new int[] {ECDHE_RSA_AES128_GCM}, EMS, RENEGOTIATION_INFO, GROUPS_X25519),
                serverHello(TLS12, ECDHE_RSA_AES128_GCM, 0, EMS, RENEGOTIATION_INFO));
        assertThat(codes(f)).containsExactly("handshake.incomplete");
    }

    @Test
    void aSuiteTheClientNeverOfferedIsAViolation() {
        List<Finding> f = findings(clientHello(TLS12, new int[] {ECDHE_RSA_AES128_GCM}, EMS, RENEGOTIATION_INFO),
                serverHello(TLS12, 0x0005, 0, EMS, RENEGOTIATION_INFO));
        assertThat(codes(f)).contains("violation.suite_not_offered", "suite.rc4", "suite.rsa_key_exchange");
        Finding v = f.stream().filter(x -> x.code().equals("violation.suite_not_offered")).findFirst().orElseThrow();
        assertThat(v.severity()).isEqualTo(Severity.ERROR);
        assertThat(v.message()).contains("TLS_RSA_WITH_RC4_128_SHA");
        assertThat(v.frame()).isEqualTo(2);
    }

    @Test
    void aHigherVersionThanOfferedIsAViolation() {
        assertThat(codes(findings(clientHello(0x0301, new int[] {0x002f}, EMS, RENEGOTIATION_INFO),
                serverHello(TLS12, 0x002f, 0, EMS, RENEGOTIATION_INFO)))).contains("violation.version_not_offered");
    }

    @Test
    void anExtensionTheClientNeverSentIsAViolationButRenegotiationInfoMayAnswerTheScsv() {
        assertThat(codes(findings(clientHello(TLS12, new int[] {ECDHE_RSA_AES128_GCM, 0x00ff}),
                serverHello(TLS12, ECDHE_RSA_AES128_GCM, 0, RENEGOTIATION_INFO, extension(16, 0, 3, 2, 'h', '2')))))
                .contains("violation.extension_not_offered", "proto.no_extended_master_secret")
                .filteredOn(c -> c.equals("violation.extension_not_offered")).hasSize(1);
    }

    @Test
    void aRepeatedExtensionIsAViolation() {
        assertThat(codes(findings(clientHello(TLS12, new int[] {ECDHE_RSA_AES128_GCM}, EMS, EMS, RENEGOTIATION_INFO),
                serverHello(TLS12, ECDHE_RSA_AES128_GCM, 0, EMS, RENEGOTIATION_INFO)))).contains("violation.duplicate_extension");
    }

    @Test
    void compressionHeartbeatAndTheFallbackScsvAreReported() {
        List<String> c = codes(findings(clientHello(TLS12, new int[] {ECDHE_RSA_AES128_GCM, 0x5600}, EMS, RENEGOTIATION_INFO,
                        extension(15, 1)),
                serverHello(TLS12, ECDHE_RSA_AES128_GCM, 1, EMS, RENEGOTIATION_INFO, extension(15, 1))));
        assertThat(c).contains("proto.compression", "proto.heartbeat", "proto.fallback_scsv");
    }

    @Test
    void aServerWithoutRenegotiationInfoIsReported() {
        assertThat(codes(findings(clientHello(TLS12, new int[] {ECDHE_RSA_AES128_GCM, 0x00ff}, EMS),
                serverHello(TLS12, ECDHE_RSA_AES128_GCM, 0, EMS)))).contains("proto.renegotiation_info_missing");
    }

    @Test
    void aSmallDhGroupAndAWeakCurveAreReported() {
        // ServerKeyExchange for DHE_RSA: dh_p of 128 bytes (1024 bits, top bit set), g, Ys, then a signature.
        byte[] p = new byte[128];
        p[0] = (byte) 0xff;
        byte[] ske = new byte[2 + 128 + 3 + 3 + 4];
        ske[0] = 0;
        ske[1] = (byte) 128;
        System.arraycopy(p, 0, ske, 2, 128);
        int at = 130;
        ske[at++] = 0;
        ske[at++] = 1;
        ske[at++] = 2;
        ske[at++] = 0;
        ske[at++] = 1;
        ske[at++] = 5;
        ske[at++] = 4;
        ske[at++] = 1;
        ske[at++] = 0;
        ske[at] = 0;
        List<String> dh = codes(findings(clientHello(TLS12, new int[] {0x0033}, EMS, RENEGOTIATION_INFO),
                serverHello(TLS12, 0x0033, 0, EMS, RENEGOTIATION_INFO), message(12, ske)));
        assertThat(dh).contains("kx.dh_weak");
        // ECDHE on secp192r1 (0x0013), which the client offered.
        byte[] ecSke = {3, 0, 0x13, 1, 4, 4, 1, 0, 0};
        List<String> ec = codes(findings(clientHello(TLS12, new int[] {0xc013}, EMS, RENEGOTIATION_INFO, extension(10, 0, 2, 0, 0x13)),
                serverHello(TLS12, 0xc013, 0, EMS, RENEGOTIATION_INFO), message(12, ecSke)));
        assertThat(ec).contains("kx.curve_weak").doesNotContain("violation.group_not_offered");
        // Explicit prime-curve parameters (curve_type 1) instead of a named curve.
        byte[] explicitSke = {1, 1, 7, 1, 2, 1, 3, 1, 4, 1, 5, 1, 6, 4, 1, 0, 0};
        List<String> explicit = codes(findings(clientHello(TLS12, new int[] {0xc013}, EMS, RENEGOTIATION_INFO),
                serverHello(TLS12, 0xc013, 0, EMS, RENEGOTIATION_INFO), message(12, explicitSke)));
        assertThat(explicit).contains("kx.curve_explicit");
    }

    @Test
    void messagesOutOfOrderAreAViolation() {
        // server_hello_done before the certificate.
        byte[] emptyChain = {0, 0, 0};
        assertThat(codes(findings(clientHello(TLS12, new int[] {ECDHE_RSA_AES128_GCM}, EMS, RENEGOTIATION_INFO),
                serverHello(TLS12, ECDHE_RSA_AES128_GCM, 0, EMS, RENEGOTIATION_INFO), message(14, new byte[0]),
                message(11, emptyChain)))).contains("violation.message_order");
    }

    @Test
    void aRenegotiationWithoutRenegotiationInfoIsInsecure() {
        TlsHarness h = new TlsHarness();
        Slice hello = clientHello(TLS12, new int[] {ECDHE_RSA_AES128_GCM}, EMS);
        h.client(record(22, 0x0301, hello));
        h.server(record(22, TLS12, serverHello(TLS12, ECDHE_RSA_AES128_GCM, 0, EMS)));
        h.client(record(22, TLS12, hello));
        assertThat(codes(ConnectionFindings.of(h.end()))).contains("proto.renegotiation_insecure");
    }

    @Test
    void aTls13GroupTheClientNeverOfferedIsAViolation() {
        byte[] supportedVersions = extension(43, 2, 3, 4);
        byte[] serverVersion = extension(43, 3, 4);
        // key_share: secp256r1 (0x0017) and a 65-byte point, where the client offered only x25519.
        byte[] share = extension(51, 0, 0x17, 0, 65);
        List<String> c = codes(findings(clientHello(TLS12, new int[] {0x1301}, supportedVersions, GROUPS_X25519),
                serverHello(TLS12, 0x1301, 0, serverVersion, withBody(share, 65))));
        assertThat(c).contains("violation.group_not_offered");
    }

    /** An extension whose body is followed by {@code extra} zero bytes, its length grown to match. */
    private static byte[] withBody(byte[] extension, int extra) {
        byte[] b = java.util.Arrays.copyOf(extension, extension.length + extra);
        int length = ((b[2] & 0xff) << 8 | (b[3] & 0xff)) + extra;
        b[2] = (byte) (length >> 8);
        b[3] = (byte) length;
        return b;
    }
}
