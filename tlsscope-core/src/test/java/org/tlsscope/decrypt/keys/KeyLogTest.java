package org.tlsscope.decrypt.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyLogTest {
    private static final String R1 = "a1".repeat(32);
    private static final String R2 = "b2".repeat(32);
    private static final String R3 = "c3".repeat(32);
    private static final String MS = "0f".repeat(48);
    private static final String S32 = "11".repeat(32);
    private static final String S48 = "22".repeat(48);

    private static KeyLog of(String text) {
        KeyLog log = new KeyLog();
        log.add("test", text.getBytes(StandardCharsets.UTF_8));
        return log;
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static List<String> described(KeyLog log) {
        return log.problems().stream().map(KeyLog::describe).toList();
    }

    @Test
    void readsLfCrlfAndCrLineEndsMixedWithCommentsBlankLinesAndUpperCaseHex() {
        KeyLog log = of("\uFEFF# SSL/TLS secrets log file\r\n"
                + "CLIENT_RANDOM " + R1 + " " + MS.toUpperCase() + "\r"
                + "   \t\n"
                + "CLIENT_HANDSHAKE_TRAFFIC_SECRET " + R2.toUpperCase() + " " + S32 + "\r\n"
                + "# comment " + "CLIENT_RANDOM " + R3 + " " + MS + "\r"
                + "SERVER_HANDSHAKE_TRAFFIC_SECRET " + R2 + " " + S48 + "  \n"
                + "BOGUS " + R3 + " " + S32 + "\r\n");

        assertThat(log.size()).isEqualTo(3);
        assertThat(log.masterSecret(hex(R1))).isEqualTo(hex(MS));
        assertThat(log.secret("CLIENT_HANDSHAKE_TRAFFIC_SECRET", hex(R2))).isEqualTo(hex(S32));
        assertThat(log.secret("SERVER_HANDSHAKE_TRAFFIC_SECRET", hex(R2))).isEqualTo(hex(S48));
        assertThat(log.masterSecret(hex(R3))).as("commented out").isNull();
        // Lines: 1 comment after the BOM (CRLF), 2 (CR), 3 blank (LF), 4 (CRLF), 5 comment (CR), 6 (LF), 7.
        assertThat(described(log)).containsExactly("test line 7: unknown label \"BOGUS\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown label        | NOT_A_LABEL <R1> <S32>                          | unknown label "NOT_A_LABEL"
            server early secret  | SERVER_EARLY_TRAFFIC_SECRET <R1> <S32>          | SERVER_EARLY_TRAFFIC_SECRET is no TLS 1.3 secret (RFC 8446 section 7.1 has only a client early traffic secret): ignored
            short random         | CLIENT_RANDOM <R1-2> <MS>                       | client random of 31 bytes, expected 32
            odd random           | CLIENT_RANDOM <R1>a <MS>                        | client random has an odd number of hex digits (65)
            random not hex       | CLIENT_RANDOM <R1-2>zz <MS>                     | client random is not hex: "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1..." has 'z' at character 63
            secret not hex       | CLIENT_RANDOM <R1> 0g<MS-2>                     | secret is not hex: "0g0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f..." has 'g' at character 2
            odd secret           | CLIENT_RANDOM <R1> <MS>0                        | secret has an odd number of hex digits (97)
            short master         | CLIENT_RANDOM <R1> <MS-2>                       | secret of 47 bytes, expected 48
            TLS 1.3 length       | CLIENT_TRAFFIC_SECRET_0 <R1> <MS-2>             | secret of 47 bytes, expected 32 or 48
            ECH length           | ECH_SECRET <R1> 00                              | secret of 1 byte, expected 32, 48 or 64
            empty PMS            | PMS_CLIENT_RANDOM <R1>                          | PMS_CLIENT_RANDOM line with 2 fields, expected 3 (label, client random, secret)
            extra field          | EXPORTER_SECRET <R1> <S32> trailing             | EXPORTER_SECRET line with 4 fields, expected 3 (label, client random, secret)
            RSA prefix length    | RSA 0011223344 <MS>                             | encrypted pre-master prefix of 5 bytes, expected 8
            RSA secret length    | RSA 0011223344556677 <S32>                      | secret of 32 bytes, expected 48
            empty session ID     | RSA Session-ID: Master-Key:<MS>                 | empty session ID: the session cannot be found by it (use the CLIENT_RANDOM line instead)
            long session ID      | RSA Session-ID:<R1>00 Master-Key:<MS>           | session ID of 33 bytes, at most 32
            no master key        | RSA Session-ID:<R1> <MS>                        | RSA Session-ID line without its Master-Key: field
            non-ASCII digits     | CLIENT_RANDOM <R1-2>\uFF10\uFF10 <MS>           | client random is not hex: "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1..." has '\uFF10' at character 63
            """)
    void reportsEachUnusableLineWithItsNumberAndReason(String name, String line, String reason) {
        String text = line.replace("<R1-2>", R1.substring(2)).replace("<R1>", R1)
                .replace("<MS-2>", MS.substring(2)).replace("<MS>", MS).replace("<S32>", S32)
                .replace("\\uFF10", "\uFF10");
        KeyLog log = of("# header\nCLIENT_RANDOM " + R2 + " " + MS + "\n" + text + "\nCLIENT_RANDOM " + R3 + " " + MS + "\n");

        assertThat(log.problems()).containsExactly(new KeyLogProblem("test", 3, reason));
        assertThat(log.size()).isEqualTo(2);
        assertThat(log.masterSecret(hex(R3))).as("the line after it is read").isEqualTo(hex(MS));
    }

    @Test
    void aLastLineWithoutItsLineEndIsUsedWhenWholeAndReportedAsCutShortOtherwise() {
        KeyLog whole = of("CLIENT_RANDOM " + R1 + " " + MS);
        assertThat(whole.problems()).isEmpty();
        assertThat(whole.masterSecret(hex(R1))).isEqualTo(hex(MS));

        KeyLog cut = of("CLIENT_RANDOM " + R1 + " " + MS + "\nCLIENT_RANDOM " + R2 + " " + MS.substring(0, 50));
        assertThat(described(cut)).containsExactly(
                "test line 2: last line cut short (no line end): secret of 25 bytes, expected 48");
    }

    @Test
    void everyLabelIsKeptUnderItsClientRandomAndListed() {
        String ech = "fe0d" + "ab".repeat(300);
        KeyLog log = of(String.join("\n",
                "CLIENT_RANDOM " + R1 + " " + MS,
                "CLIENT_EARLY_TRAFFIC_SECRET " + R1 + " " + S32,
                "EARLY_EXPORTER_SECRET " + R1 + " " + S32,
                "CLIENT_HANDSHAKE_TRAFFIC_SECRET " + R1 + " " + S48,
                "SERVER_HANDSHAKE_TRAFFIC_SECRET " + R1 + " " + S48,
                "CLIENT_TRAFFIC_SECRET_0 " + R1 + " " + S48,
                "SERVER_TRAFFIC_SECRET_0 " + R1 + " " + S48,
                "EXPORTER_SECRET " + R1 + " " + S48,
                "ECH_SECRET " + R1 + " " + S32,
                "ECH_CONFIG " + R1 + " " + ech,
                "PMS_CLIENT_RANDOM " + R1 + " " + "33".repeat(65),
                ""));

        assertThat(log.problems()).isEmpty();
        assertThat(log.size()).isEqualTo(11);
        assertThat(log.labels(hex(R1))).containsExactly("CLIENT_EARLY_TRAFFIC_SECRET", "CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                "CLIENT_RANDOM", "CLIENT_TRAFFIC_SECRET_0", "EARLY_EXPORTER_SECRET", "ECH_CONFIG", "ECH_SECRET",
                "EXPORTER_SECRET", "PMS_CLIENT_RANDOM", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "SERVER_TRAFFIC_SECRET_0");
        assertThat(log.secret("ECH_CONFIG", hex(R1))).isEqualTo(hex(ech));
        assertThat(log.preMasterSecret(hex(R1))).hasSize(65);
        assertThat(log.secret("EARLY_EXPORTER_SECRET", hex(R1))).isEqualTo(hex(S32));
        assertThat(log.secret("RSA", hex(R1))).as("not a client-random label").isNull();
        assertThat(log.secret("SERVER_EARLY_TRAFFIC_SECRET", hex(R1))).isNull();
        assertThat(log.labels(hex(R2))).isEmpty();
    }

    @Test
    void legacyRsaLinesAreFoundByTheEncryptedPreMasterAndSessionIdLinesBySessionId() {
        String pms = "0303" + "44".repeat(46);
        KeyLog log = of("RSA 0011223344556677 " + pms + "\n"
                + "RSA Session-ID:" + R2 + " Master-Key:" + MS.toUpperCase() + "\n");

        byte[] encrypted = hex("0011223344556677" + "99".repeat(248));
        assertThat(log.preMasterForEncrypted(encrypted)).isEqualTo(hex(pms));
        assertThat(log.preMasterForEncrypted(hex("0011223344556678" + "99".repeat(248)))).isNull();
        assertThat(log.preMasterForEncrypted(hex("00112233"))).isNull();
        assertThat(log.masterSecretForSessionId(hex(R2))).isEqualTo(hex(MS));
        assertThat(log.masterSecretForSessionId(hex(R2.substring(2)))).isNull();
        assertThat(log.masterSecretForSessionId(new byte[0])).isNull();
        assertThat(log.unused()).as("only client randoms are audited").isZero();
    }

    @Test
    void lookupsReturnCopiesNullWhenAbsentAndMarkTheClientRandomUsed() {
        KeyLog log = of("CLIENT_RANDOM " + R1 + " " + MS + "\n"
                + "CLIENT_RANDOM " + R2 + " " + MS + "\n"
                + "CLIENT_HANDSHAKE_TRAFFIC_SECRET " + R3 + " " + S32 + "\n");
        assertThat(log.unused()).isEqualTo(3);

        byte[] first = log.masterSecret(hex(R1));
        first[0] ^= 1;
        assertThat(log.masterSecret(hex(R1))).as("the stored secret is untouched").isEqualTo(hex(MS));
        assertThat(log.unused()).isEqualTo(2);

        // Found by its client random, even though the label asked for is missing: the random was seen.
        assertThat(log.secret("CLIENT_TRAFFIC_SECRET_0", hex(R3))).isNull();
        assertThat(log.unused()).isEqualTo(1);

        assertThat(log.masterSecret(hex("d4".repeat(32)))).isNull();
        assertThat(log.masterSecret(null)).isNull();
        assertThat(log.masterSecret(new byte[3])).isNull();
        assertThat(log.secret("NO_SUCH_LABEL", hex(R2))).isNull();
        assertThat(log.unused()).isEqualTo(1);
    }

    @Test
    void forgettingAClientRandomDropsAllItsSecretsAndNothingElse() {
        KeyLog log = of("CLIENT_HANDSHAKE_TRAFFIC_SECRET " + R1 + " " + S32 + "\n"
                + "SERVER_HANDSHAKE_TRAFFIC_SECRET " + R1 + " " + S32 + "\n"
                + "CLIENT_TRAFFIC_SECRET_0 " + R1 + " " + S32 + "\n"
                + "CLIENT_RANDOM " + R2 + " " + MS + "\n"
                + "RSA Session-ID:" + R1 + " Master-Key:" + MS + "\n");
        assertThat(log.size()).isEqualTo(5);

        log.forget(hex(R1));
        assertThat(log.size()).isEqualTo(2);
        assertThat(log.labels(hex(R1))).isEmpty();
        assertThat(log.secret("CLIENT_HANDSHAKE_TRAFFIC_SECRET", hex(R1))).isNull();
        assertThat(log.masterSecret(hex(R2))).isEqualTo(hex(MS));
        assertThat(log.masterSecretForSessionId(hex(R1))).as("a session ID entry is not a client random's").isEqualTo(hex(MS));

        log.forget(hex(R3));
        log.forget(null);
        assertThat(log.size()).isEqualTo(2);
        // Logged again after it was forgotten (a client random is not reused, but nothing forbids it): found again.
        log.add("again", ("CLIENT_RANDOM " + R1 + " " + MS + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(log.masterSecret(hex(R1))).isEqualTo(hex(MS));
        assertThat(log.size()).isEqualTo(3);
    }

    @Test
    void aRepeatedLineIsHarmlessAndAConflictingOneReplacesTheFirstWithAProblem(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first.keys");
        Path second = dir.resolve("second.keys");
        String other = "1f".repeat(48);
        Files.writeString(first, "CLIENT_RANDOM " + R1 + " " + MS + "\nCLIENT_RANDOM " + R1 + " " + MS + "\n"
                + "CLIENT_RANDOM " + R2 + " " + MS + "\n");
        Files.writeString(second, "# later run\nCLIENT_RANDOM " + R1 + " " + other + "\n");

        KeyLog log = new KeyLog();
        log.load(first);
        assertThat(log.problems()).isEmpty();
        assertThat(log.size()).isEqualTo(2);

        log.load(second);
        assertThat(log.size()).isEqualTo(2);
        assertThat(log.masterSecret(hex(R1))).isEqualTo(hex(other));
        assertThat(log.problems()).containsExactly(new KeyLogProblem(first.toString(), 2, "CLIENT_RANDOM secret for "
                + R1 + " replaced by a different one at " + second + " line 2 (the last one is kept, as Wireshark does)"));
    }

    @Test
    void decryptionSecretsBlocksAddToTheFilesLoaded(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("session.keys");
        Files.writeString(file, "CLIENT_RANDOM " + R1 + " " + MS + "\n");
        KeyLog log = new KeyLog();
        log.load(file);
        log.add("capture.pcapng DSB 1", ("SERVER_TRAFFIC_SECRET_0 " + R2 + " " + S32 + "\nCLIENT_RANDOM " + R3 + "\n")
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(log.size()).isEqualTo(2);
        assertThat(log.secret("SERVER_TRAFFIC_SECRET_0", hex(R2))).isEqualTo(hex(S32));
        assertThat(described(log)).containsExactly("capture.pcapng DSB 1 line 2: CLIENT_RANDOM line with 2 fields,"
                + " expected 3 (label, client random, secret)");
    }

    @Test
    void anOverlongLineIsSkippedWithoutHoldingItAndCountingGoesOn() {
        String huge = "ECH_CONFIG " + R1 + " " + "ab".repeat(KeyLog.MAX_LINE);
        KeyLog log = of(huge + "\r\nCLIENT_RANDOM " + R2 + " " + MS + "\r\nX\r\n");

        assertThat(described(log)).containsExactly(
                "test line 1: line of " + huge.length() + " characters, longer than any key log line (65536)",
                "test line 3: unknown label \"X\"");
        assertThat(log.masterSecret(hex(R2))).isEqualTo(hex(MS));
    }

    @Test
    void bytesThatAreNotUtf8FailTheirLineOnly() {
        byte[] bad = ("CLIENT_RANDOM " + R1 + " " + MS + "\nCLIENT\u00ff_RANDOM " + R2 + " " + MS + "\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        KeyLog log = new KeyLog();
        log.add("latin1", bad);

        assertThat(log.size()).isEqualTo(1);
        assertThat(described(log)).containsExactly("latin1 line 2: unknown label \"CLIENT\\ufffd_RANDOM\"");
    }

    @Test
    void aFileThatIsNoKeyLogListsAHundredProblemsAndCountsTheRest() {
        KeyLog log = of("garbage line\n".repeat(250));

        assertThat(log.problems()).hasSize(KeyLog.MAX_PROBLEMS_PER_SOURCE + 1);
        assertThat(log.problems().getLast()).isEqualTo(new KeyLogProblem("test", 101,
                "150 more unusable lines from here on, not listed"));
    }

    @Test
    void aMissingFileIsAPlainError(@TempDir Path dir) {
        Path missing = dir.resolve("nope.keys");
        assertThatThrownBy(() -> new KeyLog().load(missing)).isInstanceOf(KeyFileException.class)
                .hasMessage("key log " + missing + " does not exist");
        assertThatThrownBy(() -> new KeyLog().load(dir)).isInstanceOf(KeyFileException.class)
                .hasMessageStartingWith("key log " + dir + " cannot be read: ");
    }
}
