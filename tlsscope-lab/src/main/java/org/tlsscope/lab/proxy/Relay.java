package org.tlsscope.lab.proxy;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.tlsscope.lab.engine.Recorder;
import org.tlsscope.lab.engine.Sockets;

/**
 * A TCP relay that needs no privilege: one thread, one {@link Selector}, non-blocking sockets, any number of
 * connections. Each accepted client gets its own connection to the upstream, and bytes pass unaltered both
 * ways with backpressure (see {@link Transfer}); FINs pass as half-closes, a reset or an error on one side
 * resets the other. A connection that the upstream refuses, or that it does not answer within the connect
 * timeout, is closed alone with a logged reason; so is one idle for the idle timeout.
 *
 * <p>With a {@link Recorder}, each connection is recorded as synthesized TCP as the proxy reads its bytes
 * (the recorder's sink must not block: it runs on this thread). Everything runs on the thread that calls
 * {@link #runUntil}; other threads may only call {@link #stop}.
 */
public final class Relay implements Closeable {
    /**
     * @param connectTimeout how long the upstream may take to accept a connection
     * @param idleTimeout    how long a connection may pass no byte either way
     * @param bufferBytes    the most read at once, and so the most held per direction while a receiver is slow
     */
    public record Limits(Duration connectTimeout, Duration idleTimeout, int bufferBytes) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), Duration.ofMinutes(5), 64 * 1024);
    }

    private static final long SELECT_MILLIS = 50;
    /** Deadlines are checked this often, not on every turn of a busy loop. */
    private static final long EXPIRY_NANOS = 100_000_000L;
    /** After accept fails (out of file descriptors), accepting pauses this long instead of spinning. */
    private static final long ACCEPT_PAUSE_NANOS = 100_000_000L;

    private final Selector selector;
    private final InetSocketAddress upstream;
    private final Recorder recorder;
    private final Consumer<String> log;
    private final Limits limits;
    private final ByteBuffer buffer;
    private final Set<Splice> splices = new LinkedHashSet<>();
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private volatile boolean stopped;
    private boolean closed;
    private long ended;
    private long held;
    private long peakHeld;
    private long nextExpiry;
    private long acceptPausedUntil;
    private String lastAcceptError;

    /**
     * @param recorder where connections are recorded; null: not recorded
     * @param log      a line per connection's end (its client's address, how it ended, its byte counts)
     */
    public Relay(InetSocketAddress upstream, Recorder recorder, Consumer<String> log, Limits limits) throws IOException {
        this.selector = Selector.open();
        this.upstream = upstream;
        this.recorder = recorder;
        this.log = log;
        this.limits = limits;
        this.buffer = ByteBuffer.allocate(limits.bufferBytes());
    }

    /** Accepts clients on {@code address} (port 0: any free port); returns the address bound. */
    public InetSocketAddress listen(InetSocketAddress address) throws IOException {
        ServerSocketChannel server = Sockets.listen(selector, address, null);
        listeners.add(server);
        return (InetSocketAddress) server.getLocalAddress();
    }

    /** Makes {@link #runUntil} return at its next turn; callable from any thread. */
    public void stop() {
        stopped = true;
        selector.wakeup();
    }

    /**
     * Relays until {@code done} holds (checked every turn), {@link #stop} or {@code timeout} (null: none);
     * returns whether {@code done} held.
     */
    public boolean runUntil(BooleanSupplier done, Duration timeout) throws IOException {
        long end = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        while (!stopped) {
            if (done.getAsBoolean()) {
                return true;
            }
            long now = System.nanoTime();
            if (now - end >= 0) {
                return false;
            }
            selector.select(SELECT_MILLIS);
            for (SelectionKey key : selector.selectedKeys()) {
                handle(key);
            }
            selector.selectedKeys().clear();
            now = System.nanoTime();
            if (now - nextExpiry >= 0) {
                expire(now);
                nextExpiry = now + EXPIRY_NANOS;
            }
            if (acceptPausedUntil != 0 && now - acceptPausedUntil >= 0) {
                acceptPausedUntil = 0;
                listeners.forEach(l -> l.keyFor(selector).interestOps(SelectionKey.OP_ACCEPT));
            }
            if (recorder != null) {
                recorder.flush();
            }
        }
        return done.getAsBoolean();
    }

    /** Connections open now. */
    public int open() {
        return splices.size();
    }

    /** Connections ended so far, however they ended. */
    public long ended() {
        return ended;
    }

    /** The most bytes ever held at once for slow receivers, over all connections. */
    public long peakHeldBytes() {
        return peakHeld;
    }

    /** Stops accepting and closes every connection; call it on the relay's thread, after {@link #runUntil}. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        for (ServerSocketChannel s : listeners) {
            s.close();
        }
        for (Splice s : new ArrayList<>(splices)) {
            s.shutdown();
        }
        selector.close();
        if (recorder != null) {
            recorder.flush();
        }
    }

    // ---- for the splices ----

    String upstreamText() {
        return Sockets.text(upstream);
    }

    Limits limits() {
        return limits;
    }

    Recorder recorder() {
        return recorder;
    }

    /** The one read buffer: a splice reads into it and passes the bytes on before the next splice runs. */
    ByteBuffer buffer() {
        return buffer;
    }

    void held(long delta) {
        held += delta;
        peakHeld = Math.max(peakHeld, held);
    }

    void log(String line) {
        log.accept(line);
    }

    void ended(Splice splice, String line) {
        splices.remove(splice);
        ended++;
        log.accept(line);
    }

    // ---- the loop ----

    private void handle(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.attachment() instanceof Splice.End(Splice splice, boolean client)) {
            splice.ready(key, client);
        } else if (key.isAcceptable()) {
            accept((ServerSocketChannel) key.channel());
        }
    }

    private void accept(ServerSocketChannel server) {
        for (int i = 0; i < Sockets.ACCEPTS_PER_TURN; i++) {
            SocketChannel client;
            SocketChannel out;
            try {
                client = Sockets.accept(server);
                if (client == null) {
                    lastAcceptError = null;
                    return;
                }
            } catch (IOException e) {
                pauseAccepting(server, "accept: " + e.getMessage());
                return;
            }
            String name = describe(client);
            try {
                out = Sockets.open();
            } catch (IOException e) {
                Sockets.closeQuietly(client);
                log.accept(name + " closed: no socket for the upstream (" + e.getMessage() + ")");
                ended++;
                pauseAccepting(server, "cannot open sockets: " + e.getMessage());
                return;
            }
            Splice splice = new Splice(this, client, out, name, System.nanoTime() + limits.connectTimeout().toNanos());
            splices.add(splice);
            splice.start(selector, upstream);
        }
    }

    /** Out of file descriptors, as a rule: open connections go on, new ones wait in the backlog a moment. */
    private void pauseAccepting(ServerSocketChannel server, String why) {
        if (!why.equals(lastAcceptError)) {
            log.accept(why + " (accepting again in " + ACCEPT_PAUSE_NANOS / 1_000_000 + " ms)");
            lastAcceptError = why;
        }
        server.keyFor(selector).interestOps(0);
        acceptPausedUntil = System.nanoTime() + ACCEPT_PAUSE_NANOS;
    }

    private void expire(long now) {
        for (Splice s : new ArrayList<>(splices)) {
            if (now - s.deadlineNanos() >= 0) {
                s.expire();
            }
        }
    }

    private static String describe(SocketChannel client) {
        try {
            return Sockets.text((InetSocketAddress) client.getRemoteAddress());
        } catch (IOException e) {
            return "client";
        }
    }
}
