package org.tlsscope.lab.proxy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.tlsscope.bytes.Slice;
import org.tlsscope.capture.CaptureProblem;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.DecryptionSecrets;
import org.tlsscope.capture.Frame;
import org.tlsscope.lab.record.PacketSink;

/**
 * The proxy's packets on their way to the analysis: a {@link PacketSink} on the relay's side, a
 * {@link CaptureReader} on the analysis thread's, and between them a queue bounded in bytes. The relay never
 * waits for the analysis: when the queue is full, packets are not analyzed (the analysis then sees TCP gaps),
 * counted, and said so once. The relay's log lines travel the same queue, so they print in order with the
 * flights around them.
 *
 * <p>Frames are numbered as they are written, skipped ones included, so a frame number in the analysis is the
 * same packet's number in the recording made from the same writes.
 */
public final class LiveFeed implements PacketSink, CaptureReader {
    /** LINKTYPE_RAW (tcpdump.org/linktypes): each frame is the IPv4 packet itself. */
    private static final int LINKTYPE_RAW = 101;
    private static final int MAX_QUEUED_NOTES = 100_000;

    private sealed interface Item {
    }

    private record Packet(long number, long nanos, byte[] ip) implements Item {
    }

    private record Note(String line) implements Item {
    }

    private record End() implements Item {
    }

    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final long maxQueuedBytes;
    private final Consumer<String> notes;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicInteger queuedNotes = new AtomicInteger();
    private long written;
    private long skippedPackets;
    private long skippedBytes;
    private long skippedNotes;
    private volatile long lastFrameNanos;
    private volatile boolean closed;

    /**
     * @param maxQueuedBytes packet bytes the analysis may be behind by before packets are skipped
     * @param notes          where the relay's log lines go, called on the analysis thread
     */
    public LiveFeed(long maxQueuedBytes, Consumer<String> notes) {
        this.maxQueuedBytes = maxQueuedBytes;
        this.notes = notes;
    }

    // ---- the relay's side (one thread) ----

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

    /** A line to print in its place among the flights. */
    public void note(String line) {
        if (closed) {
            skippedNotes++;
            return;
        }
        if (queuedNotes.incrementAndGet() > MAX_QUEUED_NOTES) {
            queuedNotes.decrementAndGet();
            skippedNotes++;
            return;
        }
        queue.add(new Note(line));
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

    // ---- the analysis's side (one thread) ----

    @Override
    public Frame next() throws IOException {
        while (true) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for packets");
            }
            switch (item) {
                case Packet p -> {
                    queuedBytes.addAndGet(-p.ip().length);
                    lastFrameNanos = p.nanos();
                    return new Frame(p.number(), p.nanos(), LINKTYPE_RAW, Slice.of(p.ip()), p.ip().length, 0);
                }
                case Note n -> {
                    queuedNotes.decrementAndGet();
                    notes.accept(n.line());
                }
                case End e -> {
                    return null;
                }
            }
        }
    }

    /** Capture time (ns since the epoch) of the frame the analysis took last: when the relay read its bytes. */
    public long lastFrameNanos() {
        return lastFrameNanos;
    }

    @Override
    public String format() {
        return "proxy";
    }

    @Override
    public Optional<CaptureProblem> problem() {
        return Optional.empty();
    }

    @Override
    public List<DecryptionSecrets> decryptionSecrets() {
        return List.of();
    }

    /** The analysis is over (or failed): what the relay writes from now on is counted as skipped, not queued. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
    }
}
