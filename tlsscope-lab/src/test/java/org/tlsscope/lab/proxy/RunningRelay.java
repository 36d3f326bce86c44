package org.tlsscope.lab.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.tlsscope.lab.engine.Recorder;

/** A relay on loopback, run on a thread of its own for a test; closing it stops it (bounded). */
final class RunningRelay implements AutoCloseable {
    final Relay relay;
    final InetSocketAddress address;
    final List<String> log = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> loop;

    RunningRelay(int upstreamPort, Relay.Limits limits, Recorder recorder) throws IOException {
        relay = new Relay(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), recorder, log::add, limits);
        address = relay.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        loop = CompletableFuture.runAsync(() -> {
            try (Relay r = relay) {
                r.runUntil(() -> false, Duration.ofSeconds(120));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, runnable -> Thread.ofPlatform().name("relay").daemon().start(runnable));
    }

    RunningRelay(int upstreamPort) throws IOException {
        this(upstreamPort, Relay.Limits.DEFAULT, null);
    }

    Socket connect() throws IOException {
        Socket s = new Socket(address.getAddress(), address.getPort());
        s.setSoTimeout(30_000);
        return s;
    }

    /** Waits (bounded) until {@code n} connections have ended, so that their log lines are in. */
    void awaitEnded(long n) throws InterruptedException {
        for (int i = 0; i < 300 && endedLines() < n; i++) {
            Thread.sleep(50);
        }
    }

    private long endedLines() {
        return log.stream().filter(l -> l.contains(" closed: ") || l.contains(" reset: ")).count();
    }

    @Override
    public void close() throws Exception {
        relay.stop();
        loop.get(10, TimeUnit.SECONDS);
    }
}
