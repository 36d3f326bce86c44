package org.tlsscope.pipeline;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.tlsscope.analysis.CaptureStats;
import org.tlsscope.analysis.Finding;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.connection.TlsListener;

/**
 * Runs the stages after the TLS layer (the analysis stage and a view that wants no records) on a thread of
 * their own, so that judging and printing an ended connection overlaps with reading the next ones. Findings,
 * reports and the capture's end reach them in the order they happened, through a bounded queue: when the
 * worker falls behind, the reader waits, and memory stays flat. A failure on the worker is thrown again on
 * the reader's thread at its next hand-over.
 */
final class ReportWorker implements TlsListener {
    private static final int QUEUE = 256;
    private static final long POLL_MILLIS = 100;

    private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(QUEUE);
    private final TlsListener next;
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean ended;

    ReportWorker(TlsListener next) {
        this.next = next;
        this.thread = Thread.ofPlatform().name("tlsscope-reports").daemon().start(this::work);
    }

    private void work() {
        try {
            while (!ended || !queue.isEmpty()) {
                Runnable task = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (task != null) {
                    task.run();
                }
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    /** Records are not wanted downstream (that is why this worker exists) and are not handed over. */
    @Override
    public void onRecord(RecordEvent event) {
        rethrow();
    }

    @Override
    public void onFinding(Finding finding) {
        hand(() -> next.onFinding(finding));
    }

    @Override
    public void onConnectionEnd(ConnectionReport report) {
        hand(() -> next.onConnectionEnd(report));
    }

    /** Hands over the end, then waits until the worker has finished everything before it. */
    @Override
    public void onCaptureEnd(CaptureStats stats) {
        hand(() -> next.onCaptureEnd(stats));
        finish();
        rethrow();
    }

    /**
     * Lets the worker finish what it was handed and stop; called at the capture's end, and when reading
     * fails midway, so that the connections already ended are still reported before the error.
     */
    void finish() {
        if (!thread.isAlive()) {
            return;
        }
        hand(() -> ended = true);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the last connections were being judged", e);
        }
    }

    @Override
    public boolean wantsFields() {
        return next.wantsFields();
    }

    @Override
    public boolean wantsApplicationData() {
        return next.wantsApplicationData();
    }

    @Override
    public boolean wantsRecords() {
        return false;
    }

    private void hand(Runnable task) {
        try {
            while (!queue.offer(task, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!thread.isAlive()) {
                    throw new IllegalStateException("the report thread stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing a report over", e);
        }
        rethrow();
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }
}
