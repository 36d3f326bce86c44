package org.tlsscope.decrypt.cipher;

import static org.assertj.core.api.Assertions.assertThat;


import java.io.IOException;


import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;

import org.junit.jupiter.params.provider.MethodSource;
import org.tlsscope.tcp.Direction;
import org.tlsscope.testing.Corpus;


/**
 * The public corpus's TLS captures that come with an NSS key log (MANIFEST.tsv, column decrypt_with):
 * the snet grid of versions and suites (SSL 3.0 .. TLS 1.3, CBC with SHA-1/SHA-256/SHA-384, NULL,
 * Camellia, ARIA, GCM, CCM, CCM_8, ChaCha20), Wireshark's SSL 3.0 and TLS 1.2 cipher sweeps and the
 * other keyed sessions. Every connection of a supported suite opens every protected record and
 * verifies both Finished messages; suites this package reports Unsupported are skipped by name. The
 * sweeps' 40-bit export sessions (SSL 3.0, and TLS 1.2 where old OpenSSL test builds still offered
 * them) must all be among the supported ones, and give tshark's plaintext.
 */
class CorpusDecryptionTest {
    /** Sessions this test's minimal replay cannot follow (renegotiation, QUIC, DTLS). */
    private static final List<String> NOT_REPLAYABLE = List.of("renegotiation", "QUIC", "DTLS");

    static Stream<Arguments> keyedCaptures() throws IOException {
        return Corpus.manifest().stream()
                .filter(row -> row.decryptWith().startsWith("keylog:") && !row.path().endsWith(".gz")
                        && NOT_REPLAYABLE.stream().noneMatch(row.contents()::contains))
                .map(row -> Arguments.of(row.path(), row.keys("keylog").getFirst()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyedCaptures")
    void everySupportedConnectionDecrypts(String capture, String keyLog) throws IOException {
        List<SessionReplay.Connection> connections = SessionReplay.replay(Corpus.file(capture), Corpus.file(keyLog));
        assertThat(connections).isNotEmpty();
        assertThat(connections).as(capture + ": some connection decrypts").anyMatch(c -> c.finishedVerified == 2);
        for (SessionReplay.Connection c : connections) {
            if (c.unsupported != null || c.keyMissing) {
                continue;
            }
            assertThat(c.failures).as(capture + ": " + c).isEmpty();
            if (c.opened > 0) {
                assertThat(c.finishedVerified).as(capture + ": " + c).isEqualTo(2);
            }
        }
    }

    /**
     * Every export session of the corpus opens and verifies both Finished messages, and the sweeps hold
     * each 40-bit export suite OpenSSL offered: RC4_40, RC2_CBC_40 and DES40_CBC at SSL 3.0 and TLS 1.2,
     * DHE_DSS and DHE_RSA DES40_CBC at TLS 1.2. Sessions opened by an SSL 2.0-format ClientHello have no
     * client random this minimal replay reads (key missing) and are left out.
     */
    @Test
    void exportSessionsOpenAndVerifyBothFinished() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (Arguments a : keyedCaptures().toList()) {
            String capture = (String) a.get()[0];
            for (SessionReplay.Connection c : SessionReplay.replay(Corpus.file(capture), Corpus.file((String) a.get()[1]))) {
                if (!c.suite.contains("_EXPORT") || c.keyMissing) {
                    continue;
                }
                assertThat(c.unsupported).as(capture + ": " + c).isNull();
                assertThat(c.failures).as(capture + ": " + c).isEmpty();
                assertThat(c.finishedVerified).as(capture + ": " + c).isEqualTo(2);
                assertThat(c.applicationData(Direction.CLIENT_TO_SERVER)).as(capture + ": " + c).startsWith("GET /");
                assertThat(c.applicationData(Direction.SERVER_TO_CLIENT)).as(capture + ": " + c).startsWith("HTTP/1.");
                seen.add(c.suite + " 0x" + Integer.toHexString(c.version));
            }
        }
        assertThat(seen).containsAll(List.of(
                "TLS_RSA_EXPORT_WITH_RC4_40_MD5 0x300",
                "TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5 0x300",
                "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA 0x300",
                "TLS_RSA_EXPORT_WITH_RC4_40_MD5 0x303",
                "TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5 0x303",
                "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA 0x303",
                "TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA 0x303",
                "TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA 0x303"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyedCaptures")
    void wrongSecretsGivePlainFailures(String capture, String keyLog) throws IOException {
        WrongSecrets.check(capture, SessionReplay.replay(Corpus.file(capture), Corpus.file(keyLog), true));
    }
}
