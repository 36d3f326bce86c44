package org.tlsscope.lab.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsscope.decrypt.keys.KeyLog;

/** A missing key in the live analysis: waited for while the client may still log it, not after. */
class KeyWaitTest {
    private static final String RANDOM = "a1".repeat(32);
    private static final String SECRET = "0f".repeat(48);

    @TempDir
    Path dir;

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Test
    void aSecretLoggedWhileTheLookupWaitsIsFound() throws Exception {
        Path file = dir.resolve("client.keys");
        KeyLog log = new KeyLog();
        log.follow(file);
        long frame = nanos(Instant.now());
        log.whenMissing(new KeyWait(log, () -> frame, Duration.ofSeconds(20)));
        // The client logs the secret a little after the proxy relayed the frame that needs it.
        CompletableFuture<Void> client = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(200);
                Files.writeString(file, "CLIENT_RANDOM " + RANDOM + " " + SECRET + "\n");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(log.masterSecret(HexFormat.of().parseHex(RANDOM))).isEqualTo(HexFormat.of().parseHex(SECRET));
        client.join();
    }

    @Test
    void aFrameOlderThanThePatienceGetsOneLookAndNoWait() throws Exception {
        Path file = dir.resolve("client.keys");
        KeyLog log = new KeyLog();
        log.follow(file);
        AtomicInteger frames = new AtomicInteger();
        long old = nanos(Instant.now().minusSeconds(60));
        log.whenMissing(new KeyWait(log, () -> {
            frames.incrementAndGet();
            return old;
        }, Duration.ofSeconds(1)));

        assertThat(log.masterSecret(HexFormat.of().parseHex(RANDOM))).isNull();
        assertThat(frames).hasValue(1);

        // What is in the file by then is still found: the one look reads it.
        Files.writeString(file, "CLIENT_RANDOM " + RANDOM + " " + SECRET + "\n");
        assertThat(log.masterSecret(HexFormat.of().parseHex(RANDOM))).isEqualTo(HexFormat.of().parseHex(SECRET));
    }
}
