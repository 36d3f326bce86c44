package org.tlsscope.lab.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Whether a loop may take one more connection without running the heap out of memory: every open connection
 * costs Bouncy Castle's state and its live analysis's (about 34 KB between them once a TLS 1.3 handshake is done,
 * 38 KB in the middle of a burst of handshakes, measured with 1,000 open), so a heap of a few tens of MB holds a
 * thousand or two, and a flood of connections accepted at once must not be let in faster than memory can be
 * measured.
 *
 * <p>The heap is measured by a full collection ({@code System.gc()}): what is left is live. Each connection taken
 * since, and each that was still handshaking then (it had not grown to its size yet), counts as
 * {@link #PER_CONNECTION} on top. While that projection stays under {@link #NEARLY_FULL} of the maximum heap, no
 * collection is needed; when it goes over, the heap is measured again, at most once a second (the loop takes no
 * connection meanwhile). So a large heap is measured once in tens of thousands of connections, and a nearly full
 * one once a second while it stays so; connections that hold more (a stalled reader's 256 KiB backlog) show in
 * the measure itself.
 */
final class HeapWatch {
    /** The share of the maximum heap above which no new connection is taken. */
    static final double NEARLY_FULL = 0.75;
    /** What a connection is expected to cost, with its analysis, until the heap is measured again. */
    static final long PER_CONNECTION = 40 << 10;
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()).toList();
    private final long limit = (long) (NEARLY_FULL * Runtime.getRuntime().maxMemory());
    private final IntSupplier handshaking;
    private boolean measured;
    private long measuredAt;
    private long live;
    /** Connections counted at {@link #PER_CONNECTION}: taken since the measure, or handshaking at it. */
    private long unmeasured;

    /** @param handshaking how many of the loop's connections have not completed their handshake yet */
    HeapWatch(IntSupplier handshaking) {
        this.handshaking = handshaking;
    }

    /** True when one more connection fits, as far as the heap can tell now. */
    boolean admits(long now) {
        if (measured && live + (unmeasured + 1) * PER_CONNECTION <= limit) {
            return true;
        }
        if (measured && now - measuredAt < RECHECK_NANOS) {
            return false;
        }
        measured = true;
        measuredAt = now;
        System.gc();
        live = afterLastCollection();
        unmeasured = handshaking.getAsInt();
        return live + (unmeasured + 1) * PER_CONNECTION <= limit;
    }

    /** A connection was taken. */
    void accepted() {
        unmeasured++;
    }

    /** {@code 47 of 61 MB live, 120 connections handshaking}: the last measure. */
    String figures() {
        return (live >> 20) + " of " + (Runtime.getRuntime().maxMemory() >> 20) + " MB live, " + handshaking.getAsInt()
                + " connections handshaking";
    }

    private long afterLastCollection() {
        long used = 0;
        for (MemoryPoolMXBean p : pools) {
            MemoryUsage u = p.getCollectionUsage();
            used += u == null ? 0 : u.getUsed();
        }
        return used;
    }
}
