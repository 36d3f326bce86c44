package org.tlsscope.decrypt.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key log that its client is still writing: read again, from where it stopped, when a lookup misses. */
class KeyLogFollowTest {
    private static final String R1 = "a1".repeat(32);
    private static final String R2 = "b2".repeat(32);
    private static final String MS1 = "0f".repeat(48);
    private static final String MS2 = "1e".repeat(48);
    private static final String S32 = "11".repeat(32);

    @TempDir
    Path dir;

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void aFileThatDoesNotExistYetIsReadOnceItIsWritten() throws IOException {
        Path file = dir.resolve("curl.keys");
        KeyLog log = new KeyLog();
        log.follow(file);
        assertThat(log.size()).isZero();
        assertThat(log.masterSecret(hex(R1))).isNull();

        append(file, "CLIENT_RANDOM " + R1 + " " + MS1 + "\n");
        assertThat(log.masterSecret(hex(R1))).as("the miss re-reads the file").isEqualTo(hex(MS1));
        assertThat(log.size()).isEqualTo(1);
    }

    @Test
    void aLineStillBeingWrittenWaitsForItsLineEndAndIsNoProblem() throws IOException {
        Path file = dir.resolve("browser.keys");
        String line = "CLIENT_RANDOM " + R1 + " " + MS1;
        append(file, "# SSL/TLS secrets log file\n" + line.substring(0, 60));
        KeyLog log = new KeyLog();
        log.follow(file);
        assertThat(log.masterSecret(hex(R1))).isNull();
        assertThat(log.problems()).isEmpty();

        append(file, line.substring(60) + "\nBOGUS " + R2 + " " + S32 + "\n");
        assertThat(log.masterSecret(hex(R1))).isEqualTo(hex(MS1));
        // Lines are numbered on across the reads: the comment, the entry, then the bad line.
        assertThat(log.problems()).extracting(KeyLog::describe).containsExactly(file + " line 3: unknown label \"BOGUS\"");
    }

    @Test
    void aCrlfSplitBetweenTwoWritesIsOneLineEnd() throws IOException {
        Path file = dir.resolve("crlf.keys");
        append(file, "CLIENT_RANDOM " + R1 + " " + MS1 + "\r");
        KeyLog log = new KeyLog();
        log.follow(file);
        assertThat(log.size()).isEqualTo(1);

        append(file, "\nNOPE\r\nCLIENT_RANDOM " + R2 + " " + MS2 + "\r\n");
        assertThat(log.masterSecret(hex(R2))).isEqualTo(hex(MS2));
        assertThat(log.problems()).extracting(KeyLogProblem::line).containsExactly(2);
    }

    @Test
    void aLookupWaitsWhereTheCallerSaysUntilTheSecretIsLoggedOrTheCallerGivesUp() throws IOException {
        Path file = dir.resolve("live.keys");
        KeyLog log = new KeyLog();
        log.follow(file);
        AtomicInteger asked = new AtomicInteger();
        // The "client" logs its secrets while the lookup waits: first another connection's, then this one's.
        log.whenMissing(() -> {
            try {
                switch (asked.incrementAndGet()) {
                    case 1 -> append(file, "CLIENT_RANDOM " + R2 + " " + MS2 + "\n");
                    case 2 -> append(file, "CLIENT_HANDSHAKE_TRAFFIC_SECRET " + R1 + " " + S32 + "\n");
                    default -> { }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return log.refresh();
        });

        assertThat(log.secret("CLIENT_HANDSHAKE_TRAFFIC_SECRET", hex(R1))).isEqualTo(hex(S32));
        assertThat(asked).hasValue(2);
        assertThat(log.masterSecret(hex(R1))).as("never logged: the lookup ends when nothing more comes").isNull();
        assertThat(asked).hasValue(3);
    }

    @Test
    void loadedFilesAreNotReadAgain() throws IOException {
        Path file = dir.resolve("done.keys");
        append(file, "CLIENT_RANDOM " + R1 + " " + MS1 + "\n");
        KeyLog log = new KeyLog();
        log.load(file);
        AtomicInteger asked = new AtomicInteger();
        log.whenMissing(() -> asked.incrementAndGet() < 0);

        append(file, "CLIENT_RANDOM " + R2 + " " + MS2 + "\n");
        assertThat(log.masterSecret(hex(R2))).isNull();
        assertThat(asked).hasValue(0);
    }

    @Test
    void aReplacedFileIsReadFromItsStart() throws IOException {
        Path file = dir.resolve("rotated.keys");
        append(file, "# a long first comment that the new file will not have\nCLIENT_RANDOM " + R1 + " " + MS1 + "\n");
        KeyLog log = new KeyLog();
        log.follow(file);

        Files.writeString(file, "CLIENT_RANDOM " + R2 + " " + MS2 + "\n");
        assertThat(log.masterSecret(hex(R2))).isEqualTo(hex(MS2));
        assertThat(log.masterSecret(hex(R1))).as("what was read stays").isEqualTo(hex(MS1));
        assertThat(log.problems()).isEmpty();
    }

    @Test
    void aDirectoryIsAPlainError() {
        assertThatThrownBy(() -> new KeyLog().follow(dir)).isInstanceOf(KeyFileException.class)
                .hasMessageStartingWith("key log " + dir + " cannot be read");
    }
}
