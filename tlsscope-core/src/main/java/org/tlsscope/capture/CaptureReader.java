package org.tlsscope.capture;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * A stream of frames from a capture file, standard input or a live source, read incrementally: a
 * reader never needs the whole capture in memory, and returns each frame as soon as its bytes arrive.
 */
public interface CaptureReader extends Closeable {
    /** The next frame, or null at the end of the capture (clean or truncated: see {@link #problem()}). */
    Frame next() throws IOException;

    /** "pcap" or "pcapng" (with "+gzip" when decompressed on the fly). */
    String format();

    /**
     * Set once the capture ended early or carried a damaged block: where and what. Every complete
     * frame before that point has been returned.
     */
    Optional<CaptureProblem> problem();

    /**
     * Decryption Secrets Blocks met so far (pcapng only): the key material embedded in the capture,
     * kept for the decryption layer.
     */
    List<DecryptionSecrets> decryptionSecrets();

    /** How often, while it waits, a live source says how long it has been quiet ({@link #whileWaiting}). */
    long QUIET_TICK_MILLIS = 1000;

    /**
     * For a live source: while {@link #next} waits for a frame, {@code quiet} is called every
     * {@link #QUIET_TICK_MILLIS} or so, on the thread that called {@code next}, with how long (ns) the source has
     * been quiet since the last frame it returned; so that what ends with the passing of time (a reset
     * connection's grace) ends while the source is quiet. A file never waits: by default {@code quiet} is never
     * called.
     */
    default void whileWaiting(LongConsumer quiet) {
    }
}
