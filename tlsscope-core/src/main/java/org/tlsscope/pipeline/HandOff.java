package org.tlsscope.pipeline;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.tlsscope.analysis.CaptureStats;
import org.tlsscope.analysis.Finding;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.ForwardingListener;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.connection.TlsListener;

/**
 * The stages after the TLS layer (the analysis stage and the view) on a second thread, for a view that reads
 * connections and findings but no records, such as the summary: the two threads then share the work of a
 * capture of many short connections about evenly (the dissection on one; the rules, fingerprints and rows on
 * the other). Records are not handed over: their slices point into buffers the TLS layer reuses.
 *
 * <p>Findings and reports cross in batches, in the order the TLS layer produced them, through a bounded queue:
 * the TLS layer waits when the analysis falls that far behind, so memory stays bounded. A capture of fewer
 * connections than a batch never starts the thread (its batch is delivered on the caller's thread), and a live
 * source that goes quiet has its pending batch delivered at once ({@link #flush}), so rows do not wait for more
 * connections to end.
 */
final class HandOff extends ForwardingListener {
    /** Events per batch: one hand-over per batch, not per connection, keeps the threads' exchanges rare. */
    private static final int BATCH = 64;
    /**
     * Batches waiting for the analysis at most: about a sixteenth of the heap, a report holding some 4 KB (its
     * hellos, its certificate chain), between 4 and 64 batches (4,096 reports with the launcher's 256 MB). The
     * analysis falls that far behind when it meets its first certificates: the JDK's first X.509 parse and ECDSA
     * check take 0.1-0.15 s, thousands of connections' worth of dissection. With 16 batches, the dissection of
     * handshakes.pcap waited 54-111 ms for room; with 64, 9-42 ms.
     */
    private static final int QUEUED = (int) Math.clamp(Runtime.getRuntime().maxMemory() / 16 / (BATCH * 4096L), 4, 64);
    /** How often a TLS layer waiting on a full queue checks that the analysis thread is still alive. */
    private static final long WAIT_MILLIS = 100;
    /** Put in the queue after the last batch: the analysis thread stops there. */
    private static final Object[] END = new Object[0];

    private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(QUEUED);
    private Object[] batch = new Object[BATCH];
    private int size;
    private Thread worker;
    /** What stopped the analysis thread (a view's error: out of memory, say), rethrown on the caller's thread. */
    private volatile Throwable failure;

    HandOff(TlsListener next) {
        super(next);
    }

    @Override
    public void onRecord(RecordEvent event) {
        throw new IllegalStateException("records are not handed off: the view asked for none");
    }

    @Override
    public void onFinding(Finding finding) {
        add(finding);
    }

    @Override
    public void onConnectionEnd(ConnectionReport report) {
        add(report);
    }

    /** Hands over what is pending, waits until the analysis thread has delivered everything, then ends the view. */
    @Override
    public void onCaptureEnd(CaptureStats stats) {
        flush();
        if (worker != null) {
            put(END);
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the analysis finished", e);
            }
            rethrowFailure();
        }
        next.onCaptureEnd(stats);
    }

    /** Delivers the events pending in the current batch now: on the analysis thread if it runs, else here. */
    void flush() {
        if (size == 0) {
            return;
        }
        if (worker == null) {
            deliver(batch, size);
            size = 0;
            return;
        }
        handOver();
    }

    private void add(Object event) {
        batch[size++] = event;
        if (size == BATCH) {
            if (worker == null) {
                worker = Thread.ofPlatform().name("tlsscope-analysis").daemon().start(this::work);
            }
            handOver();
        }
    }

    private void handOver() {
        Object[] full = size == BATCH ? batch : Arrays.copyOf(batch, size);
        put(full);
        batch = new Object[BATCH];
        size = 0;
    }

    private void put(Object[] events) {
        try {
            while (!queue.offer(events, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing over to the analysis", e);
        }
        rethrowFailure();
    }

    private void work() {
        try {
            for (Object[] events = queue.take(); events != END; events = queue.take()) {
                deliver(events, events.length);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            // The TLS layer may be waiting on a full queue: it sees the failure within WAIT_MILLIS.
        }
    }

    /**
     * One connection's analysis failing (a bug in a rule or a view) costs that connection's row, never the
     * capture: it becomes a finding, as a failure in its dissection does ({@link Analyzer}).
     */
    private void deliver(Object[] events, int count) {
        for (int i = 0; i < count; i++) {
            switch (events[i]) {
                case ConnectionReport r -> {
                    try {
                        next.onConnectionEnd(r);
                    } catch (RuntimeException e) {
                        next.onFinding(Analyzer.internalError(r.connection().id(), r.lastFrame(), e,
                                "while analyzing this connection"));
                    }
                }
                case Finding f -> next.onFinding(f);
                default -> throw new IllegalStateException("not an event: " + events[i]);
            }
        }
    }

    private void rethrowFailure() {
        switch (failure) {
            case null -> {
            }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(failure);
        }
    }
}
