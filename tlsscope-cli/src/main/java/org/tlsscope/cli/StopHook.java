package org.tlsscope.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT, SIGTERM) for a command that must finish its output before the JVM exits: the hook stops the
 * command's work, then holds the exit until the command has flushed what it prints and closed this hook, for
 * {@code patience} at most (a stuck command does not keep the JVM alive).
 */
final class StopHook implements AutoCloseable {
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    StopHook(String name, Runnable stop, Duration patience) {
        hook = new Thread(() -> {
            stop.run();
            try {
                done.await(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The output is complete: the JVM may exit, and a later Ctrl-C has nothing to stop. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running, and waits for the count below.
        }
        done.countDown();
    }
}
