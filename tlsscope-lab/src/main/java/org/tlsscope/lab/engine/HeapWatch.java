package org.tlsscope.lab.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Whether the heap is nearly full of live objects, so that a loop stops taking new connections before one of
 * them, or the live analysis beside them, runs out of memory: every open connection costs Bouncy Castle's state
 * and its analysis's, so a heap of a few tens of MB holds a few thousand at most.
 *
 * <p>The measure is what the last garbage collection left in the heap's pools. It is cheap, but it overstates
 * while dead objects wait in the old generation for a full collection, and goes stale while nothing allocates; so
 * a figure over the limit is confirmed by a full collection ({@code System.gc()}) before it counts. The verdict
 * is kept for a second, which bounds those collections to one a second, and only while the heap is that full.
 */
final class HeapWatch {
    /** The share of the maximum heap, live, above which no new connection is taken. */
    static final double NEARLY_FULL = 0.75;
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()).toList();
    private final long max = Runtime.getRuntime().maxMemory();
    private long checkedAt = System.nanoTime() - RECHECK_NANOS;
    private long live;
    private boolean full;

    /** True while the live heap is over {@link #NEARLY_FULL} of the maximum (checked at most once a second). */
    boolean nearlyFull(long now) {
        if (now - checkedAt < RECHECK_NANOS || max == Long.MAX_VALUE) {
            return full;
        }
        checkedAt = now;
        live = afterLastCollection();
        if (live > NEARLY_FULL * max) {
            System.gc();
            live = afterLastCollection();
        }
        full = live > NEARLY_FULL * max;
        return full;
    }

    /** {@code 50 of 64 MB}: the live heap at the last check, and its maximum. */
    String figures() {
        return (live >> 20) + " of " + (max >> 20) + " MB";
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
