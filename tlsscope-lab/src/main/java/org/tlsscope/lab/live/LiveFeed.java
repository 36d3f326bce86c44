package org.tlsscope.lab.live;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.tlsscope.bytes.Slice;
import org.tlsscope.capture.CaptureProblem;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.DecryptionSecrets;
import org.tlsscope.capture.Frame;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.lab.keylog.KeyLogSink;
import org.tlsscope.lab.record.PacketSink;

/**
 * Synthesized packets of live connections (the proxy's relay, serve's and connect's loop) on their way to the
 * analysis: a {@link PacketSink} on the writer's side, a {@link CaptureReader} on the analysis thread's, and
 * between them a queue bounded in bytes. The writer never waits for the analysis: when the queue is full,
 * packets are not analyzed (the analysis then sees TCP gaps), counted, and said so once. Log lines travel the
 * same queue, so they print in order with the flights around them, and so do the secrets of an endpoint that
 * hands them over ({@link #secretsInto}): the analysis takes each in before any packet written after it.
 *
 * <p>Frames are numbered as they are written, skipped ones included, so a frame number in the analysis is the
 * same packet's number in the recording made from the same writes.
 */
public final class LiveFeed implements PacketSink, CaptureReader {
    /** LINKTYPE_RAW (tcpdump.org/linktypes): each frame is the IPv4 or IPv6 packet itself. */
    private static final int LINKTYPE_RAW = 101;
    /** Log lines and secrets waiting at most: an analysis that stopped reading must not cost unbounded memory. */
    private static final int MAX_QUEUED_LINES = 100_000;
    /** How the analysis's key log names the lines it was handed (in a problem, should one not read). */
    private static final String SECRETS_SOURCE = "the endpoint's secrets";

    private sealed interface Item {
    }

    private record Packet(long number, long nanos, byte[] ip) implements Item {
    }

    private record Note(String line) implements Item {
    }

    /** Something for the analysis thread to do at this point of the stream (take a secret in, drop some). */
    private record Step(Runnable action) implements Item {
    }

    private record End() implements Item {
    }

    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final long maxQueuedBytes;
    private final Consumer<String> notes;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicInteger queuedLines = new AtomicInteger();
    private long written;
    private long skippedPackets;
    private long skippedBytes;
    private long skippedNotes;
    private long skippedSecrets;
    private volatile long lastFrameNanos;
    private volatile boolean closed;
    private LongConsumer quiet = nanos -> { };
    /** System.nanoTime() when the analysis took its last frame (or began to wait for the first). */
    private long lastTaken = System.nanoTime();

    /**
     * @param maxQueuedBytes packet bytes the analysis may be behind by before packets are skipped
     * @param notes          where the writer's log lines go, called on the analysis thread (on the writer's, once
     *                       the analysis is over), so must be thread-safe
     */
    public LiveFeed(long maxQueuedBytes, Consumer<String> notes) {
        this.maxQueuedBytes = maxQueuedBytes;
        this.notes = notes;
    }

    // ---- the writer's side (one thread) ----

    @Override
    public void write(Instant time, byte[] ip) {
        long number = ++written;
        if (closed) {
            skippedPackets++;
            skippedBytes += ip.length;
            return;
        }
        if (queuedBytes.get() + ip.length > maxQueuedBytes) {
            if (skippedPackets++ == 0) {
                note("the analysis is falling behind: packets are relayed and recorded but not all analyzed (counted at the end)");
            }
            skippedBytes += ip.length;
            return;
        }
        queuedBytes.addAndGet(ip.length);
        queue.add(new Packet(number, time.getEpochSecond() * 1_000_000_000L + time.getNano(), ip));
    }

    /** A line to print in its place among the flights; at once, once the analysis has ended (or failed). */
    public void note(String line) {
        if (closed) {
            notes.accept(line);
        } else if (!queueLine(new Note(line))) {
            skippedNotes++;
        }
    }

    /**
     * Where an endpoint that derives its sessions' secrets (a lab client or server) logs them for the analysis:
     * each key log line is added to {@code keys} by the analysis thread when it reaches the line's place in the
     * queue, so the analysis has every secret that was logged before a packet was written when it reads that
     * packet, without waiting or polling. A connection's secrets are dropped from {@code keys} the same way once
     * it has ended ({@link KeyLogSink#spent}): after its last packet was read, so a long run holds only the
     * secrets of the connections still open. {@code keys} belongs to the analysis thread from now on, and counts as
     * given ({@link KeyLog#expect}) even while it is empty: a connection whose secrets did not arrive is said to lack
     * its own key, not to have been analyzed without keys.
     */
    public KeyLogSink secretsInto(KeyLog keys) {
        keys.expect();
        return KeyLogSink.live(
                line -> secret(() -> keys.add(SECRETS_SOURCE, (line + "\n").getBytes(StandardCharsets.US_ASCII))),
                clientRandom -> secret(() -> keys.forget(clientRandom)));
    }

    private void secret(Runnable action) {
        if (!queueLine(new Step(action))) {
            skippedSecrets++;
        }
    }

    /** Queues a note or a step unless closed or too many wait; false when it was dropped. */
    private boolean queueLine(Item item) {
        if (closed) {
            return false;
        }
        if (queuedLines.incrementAndGet() > MAX_QUEUED_LINES) {
            queuedLines.decrementAndGet();
            return false;
        }
        queue.add(item);
        return true;
    }

    /** No more packets: the analysis reads to here and ends. */
    public void end() {
        queue.add(new End());
    }

    /** Packets not analyzed because the analysis was behind; read after {@link #end} and the analysis. */
    public long skippedPackets() {
        return skippedPackets;
    }

    public long skippedBytes() {
        return skippedBytes;
    }

    /** Log lines not printed because too many were waiting. */
    public long skippedNotes() {
        return skippedNotes;
    }

    /** Secrets (key log lines, and the ends of connections) not handed over because too many were waiting. */
    public long skippedSecrets() {
        return skippedSecrets;
    }

    // ---- the analysis's side (one thread) ----

    @Override
    public void whileWaiting(LongConsumer quiet) {
        this.quiet = quiet;
    }

    @Override
    public Frame next() throws IOException {
        while (true) {
            Item item;
            try {
                item = queue.poll(QUIET_TICK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for packets");
            }
            if (item == null) {
                quiet.accept(System.nanoTime() - lastTaken);
                continue;
            }
            switch (item) {
                case Packet p -> {
                    queuedBytes.addAndGet(-p.ip().length);
                    lastFrameNanos = p.nanos();
                    lastTaken = System.nanoTime();
                    return new Frame(p.number(), p.nanos(), LINKTYPE_RAW, Slice.of(p.ip()), p.ip().length, 0);
                }
                case Note n -> {
                    queuedLines.decrementAndGet();
                    notes.accept(n.line());
                }
                case Step s -> {
                    queuedLines.decrementAndGet();
                    s.action().run();
                }
                case End e -> {
                    return null;
                }
            }
        }
    }

    /** Capture time (ns since the epoch) of the frame the analysis took last: when the writer read its bytes. */
    public long lastFrameNanos() {
        return lastFrameNanos;
    }

    @Override
    public String format() {
        return "live";
    }

    @Override
    public Optional<CaptureProblem> problem() {
        return Optional.empty();
    }

    @Override
    public List<DecryptionSecrets> decryptionSecrets() {
        return List.of();
    }

    /** The analysis is over (or failed): what the writer hands over from now on is counted as skipped, not queued. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
    }
}
