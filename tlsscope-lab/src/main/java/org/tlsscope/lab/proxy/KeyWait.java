package org.tlsscope.lab.proxy;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.tlsscope.decrypt.keys.KeyLog;

/**
 * What a key log lookup does when it misses in the proxy's live analysis: the client logs each secret in the
 * middle of its handshake (a TLS 1.3 client its handshake secrets once it has read the ServerHello), while
 * the analysis, reading the same bytes as the proxy relays them, usually asks first. So the lookup re-reads
 * the key log until the secret shows up, for at most {@code patience} after the proxy read the frame being
 * analyzed. A client that logs nothing thus delays the live view by {@code patience} at most, and an analysis
 * already that far behind does not wait at all.
 */
public final class KeyWait implements BooleanSupplier {
    private static final long POLL_NANOS = 5_000_000L;

    private final KeyLog keyLog;
    private final LongSupplier frameNanos;
    private final long patienceNanos;

    /** @param frameNanos capture time (ns since the epoch) of the frame being analyzed */
    public KeyWait(KeyLog keyLog, LongSupplier frameNanos, Duration patience) {
        this.keyLog = keyLog;
        this.frameNanos = frameNanos;
        this.patienceNanos = patience.toNanos();
    }

    @Override
    public boolean getAsBoolean() {
        long deadline = frameNanos.getAsLong() + patienceNanos;
        while (!keyLog.refresh()) {
            long left = deadline - now();
            if (left <= 0) {
                return false;
            }
            try {
                Thread.sleep(Duration.ofNanos(Math.min(left, POLL_NANOS)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static long now() {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
