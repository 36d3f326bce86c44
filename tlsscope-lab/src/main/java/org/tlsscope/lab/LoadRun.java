package org.tlsscope.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import org.tlsscope.lab.app.Exchange;
import org.tlsscope.lab.engine.Application;
import org.tlsscope.lab.engine.Endpoint;
import org.tlsscope.lab.engine.NioLoop;
import org.tlsscope.lab.engine.TlsChannel;

/**
 * A load client on one thread: {@code count} connections to one server, {@code concurrency} at a time,
 * each a full handshake and one exchange (the request, the whole reply, close_notify both ways). A
 * connection that fails is counted under its reason and replaced by the next; none is retried.
 */
public final class LoadRun {
    private LoadRun() {
    }

    /**
     * What the run did.
     *
     * @param handshakes connections whose handshake completed
     * @param completed  connections that also got a reply and ended cleanly
     * @param failures   the others, counted by reason
     */
    public record Tally(int connections, int concurrency, int handshakes, int completed, Map<String, Integer> failures,
                        Duration elapsed) {
        public Tally {
            failures = Map.copyOf(failures);
        }

        public double handshakesPerSecond() {
            return handshakes / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }

        /** {@code 1000 connections, 1000 at a time: 1000 handshakes in 8.20 s (122/s), 1000 completed, 0 failed}. */
        public String line() {
            StringBuilder b = new StringBuilder().append(connections).append(" connections, ").append(concurrency)
                    .append(" at a time: ").append(handshakes).append(" handshakes in ")
                    .append(String.format("%.2f s (%.0f/s), ", elapsed.toNanos() / 1e9, handshakesPerSecond()))
                    .append(completed).append(" completed, ").append(connections - completed).append(" failed");
            String sep = ": ";
            for (Map.Entry<String, Integer> f : new TreeMap<>(failures).entrySet()) {
                b.append(sep).append(f.getValue()).append(' ').append(f.getKey());
                sep = "; ";
            }
            return b.toString();
        }
    }

    /**
     * Runs the load. {@code endpoints} gives each connection its setup around the application it is
     * handed; {@code wait} bounds the reply after the handshake (then the client closes, and a connection
     * that got no reply counts as failed).
     */
    public static Tally run(NioLoop loop, InetSocketAddress server, int count, int concurrency, byte[] request,
                            Duration wait, EndpointFactory endpoints) throws IOException {
        Run run = new Run(loop, server, count, concurrency, request, wait, endpoints);
        return run.go();
    }

    /** A connection's setup around its application (a {@link ClientEndpoint}, typically). */
    @FunctionalInterface
    public interface EndpointFactory {
        Endpoint endpoint(Application application);
    }

    private static final class Run {
        private final NioLoop loop;
        private final InetSocketAddress server;
        private final int count;
        private final int concurrency;
        private final byte[] request;
        private final long waitNanos;
        private final EndpointFactory endpoints;
        private final Map<String, Integer> failures = new TreeMap<>();
        /** Open exchanges, oldest first, with the time each handshake completed. */
        private final Deque<Timed> waiting = new ArrayDeque<>();
        private int started;
        private int active;
        private int ended;
        private int handshakes;
        private int completed;
        private boolean changed;

        Run(NioLoop loop, InetSocketAddress server, int count, int concurrency, byte[] request, Duration wait,
            EndpointFactory endpoints) {
            this.loop = loop;
            this.server = server;
            this.count = count;
            this.concurrency = concurrency;
            this.request = request;
            this.waitNanos = wait.toNanos();
            this.endpoints = endpoints;
        }

        private record Timed(Exchange exchange, long openedNanos) {
        }

        Tally go() throws IOException {
            long t0 = System.nanoTime();
            while (ended < count) {
                while (active < concurrency && started < count) {
                    start();
                }
                changed = false;
                loop.runUntil(() -> changed, Duration.ofMillis(50));
                closeOverdue(System.nanoTime());
            }
            return new Tally(count, concurrency, handshakes, completed, failures, Duration.ofNanos(System.nanoTime() - t0));
        }

        private void start() throws IOException {
            started++;
            active++;
            Exchange exchange = new Exchange(request, -1);
            Application app = new Application() {
                @Override
                public void onOpen(TlsChannel channel) {
                    handshakes++;
                    waiting.add(new Timed(exchange, System.nanoTime()));
                    exchange.onOpen(channel);
                }

                @Override
                public void onData(TlsChannel channel, byte[] data) {
                    exchange.onData(channel, data);
                }

                @Override
                public void onClosed(TlsChannel channel, String reason) {
                    exchange.onClosed(channel, reason);
                    String failure = reason != null ? reason : exchange.received().length == 0 ? "no reply" : null;
                    if (failure == null) {
                        completed++;
                    } else {
                        failures.merge(failure, 1, Integer::sum);
                    }
                    active--;
                    ended++;
                    changed = true;
                }
            };
            try {
                loop.connect(server, endpoints.endpoint(app));
            } catch (IOException e) {
                // No socket (out of file descriptors, typically): counted, and the run goes on.
                failures.merge("cannot open a socket: " + e.getMessage(), 1, Integer::sum);
                active--;
                ended++;
            }
        }

        /** Closes the exchanges whose reply has not ended within {@code wait} of their handshake. */
        private void closeOverdue(long now) {
            while (!waiting.isEmpty() && (waiting.peek().exchange().done() || now - waiting.peek().openedNanos() >= waitNanos)) {
                Exchange e = waiting.poll().exchange();
                if (!e.done()) {
                    e.close();
                }
            }
        }
    }
}
