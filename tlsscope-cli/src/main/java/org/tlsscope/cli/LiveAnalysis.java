package org.tlsscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import org.tlsscope.decrypt.Decryption;
import org.tlsscope.lab.live.LiveFeed;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.tls.connection.TlsListener;

/**
 * The analysis of live connections (the proxy's relay, serve's and connect's loop): the streaming pipeline reads
 * their {@link LiveFeed} on a thread of its own and prints the view as the packets arrive, while the connections'
 * own thread never waits for it.
 */
final class LiveAnalysis {
    /**
     * How far (in packet bytes) the analysis may fall behind the connections before packets go unanalyzed: 64 MiB,
     * or an eighth of the heap when that is less (the queue must not take the memory the connections need).
     */
    static final long MAX_BEHIND_BYTES = Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 8);
    /** After the connections stop: how long the analysis may take to finish what is queued. */
    static final Duration DRAIN = Duration.ofSeconds(30);

    private final LiveFeed feed;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Thread thread;
    private volatile String failure;

    /** Starts the analysis of {@code feed} into {@code view}, decrypting with {@code decryption} (null: no keys). */
    LiveAnalysis(String name, LiveFeed feed, TlsListener view, Decryption decryption, PrintWriter out, PrintWriter err) {
        this.feed = feed;
        this.out = out;
        this.err = err;
        this.thread = Thread.ofPlatform().name(name).start(() -> {
            try (feed) {
                Analyzer.run(feed, view, decryption);
            } catch (IOException | RuntimeException | Error e) {
                // The connections go on (an analysis out of memory included); the feed, closed, now drops what the
                // analysis can no longer take.
                failure = e.toString();
                err.println("tlsscope: internal error in the analysis (" + e + "); the connections go on without it");
            }
        });
    }

    /**
     * The connections have stopped, their last packets and lines queued: the analysis reads to the end of the
     * queue (for {@link #DRAIN} at most) and prints the connections still open; then a warning for whatever it
     * could not take. Returns the exit code: {@link ExitCode#OK}, or {@link ExitCode#INTERNAL} if it failed.
     */
    int finish() throws InterruptedException {
        feed.end();
        thread.join(DRAIN);
        out.flush();
        if (thread.isAlive()) {
            err.println("tlsscope: warning: the analysis did not finish within " + DRAIN.toSeconds() + " s of the connections stopping");
        }
        if (feed.skippedPackets() > 0) {
            err.println("tlsscope: warning: " + feed.skippedPackets() + " packets (" + feed.skippedBytes()
                    + " bytes) passed but were not analyzed: the analysis fell behind");
        }
        if (feed.skippedSecrets() > 0) {
            err.println("tlsscope: warning: " + feed.skippedSecrets() + " secrets were not handed to the analysis (it fell behind):"
                    + " some connections may not be decrypted");
        }
        if (feed.skippedNotes() > 0) {
            err.println("tlsscope: warning: " + feed.skippedNotes() + " connection log lines were not printed");
        }
        err.flush();
        return failure == null ? ExitCode.OK : ExitCode.INTERNAL;
    }
}
