package org.tlsscope.lab.engine;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.tlsscope.lab.record.TcpSynthesizer;

/**
 * One thread, one {@link Selector}, any number of TLS connections: listeners accept, clients connect,
 * and every socket is non-blocking. Everything (TLS, applications, recording) runs on the thread that
 * calls {@link #run}; other threads talk to the loop only through {@link #execute} and {@link #stop}.
 */
public final class NioLoop implements Closeable {
    private static final long SELECT_MILLIS = 50;

    private final Selector selector;
    private final Set<Recorder> recorders = new LinkedHashSet<>();
    private final Consumer<String> log;
    private final Duration handshakeTimeout;
    private final Duration linger;
    private final Set<TlsChannel> channels = new LinkedHashSet<>();
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;
    private int nextId = 1;

    /**
     * @param log      lines about the loop's connections, prefixed with their number
     */
    public NioLoop(Consumer<String> log, Duration handshakeTimeout, Duration linger) throws IOException {
        this.selector = Selector.open();
        this.log = log;
        this.handshakeTimeout = handshakeTimeout;
        this.linger = linger;
    }

    /** Listens on {@code address} (port 0: any free port); returns the address bound. */
    public InetSocketAddress listen(InetSocketAddress address, Endpoint endpoint) throws IOException {
        ServerSocketChannel server = Sockets.listen(selector, address, endpoint);
        listeners.add(server);
        return (InetSocketAddress) server.getLocalAddress();
    }

    /** Starts a connection to {@code address}; the handshake begins when TCP connects. */
    public void connect(InetSocketAddress address, Endpoint endpoint) throws IOException {
        SocketChannel socket = Sockets.open();
        TlsChannel channel = newChannel(socket, true);
        socket.register(selector, SelectionKey.OP_CONNECT, new Pending(channel, endpoint));
        if (socket.connect(address)) {
            started(socket.keyFor(selector));
        }
    }

    /** Runs {@code task} on the loop's thread at its next turn. */
    public void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Makes {@link #run} return at its next turn; callable from any thread. */
    public void stop() {
        stopped = true;
        selector.wakeup();
    }

    /** Connections still open (handshaking, open or closing). */
    public int connections() {
        return channels.size();
    }

    /** Runs until {@link #stop}. */
    public void run() throws IOException {
        runUntil(() -> false, null);
    }

    /**
     * Runs until {@code done} holds (checked every turn), {@link #stop} or {@code timeout} (null: none);
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
            for (Runnable t = tasks.poll(); t != null; t = tasks.poll()) {
                t.run();
            }
            for (SelectionKey key : selector.selectedKeys()) {
                handle(key);
            }
            selector.selectedKeys().clear();
            expire(System.nanoTime());
            flushRecordings();
        }
        return done.getAsBoolean();
    }

    @Override
    public void close() throws IOException {
        for (TlsChannel c : new ArrayList<>(channels)) {
            c.abort("shutting down");
        }
        for (ServerSocketChannel s : listeners) {
            s.close();
        }
        selector.close();
        flushRecordings();
    }

    long lingerNanos() {
        return linger.toNanos();
    }

    void ended(TlsChannel channel) {
        channels.remove(channel);
    }

    private record Pending(TlsChannel channel, Endpoint endpoint) {
    }

    private void handle(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        switch (key.attachment()) {
            case Endpoint endpoint when key.isAcceptable() -> accept((ServerSocketChannel) key.channel(), endpoint);
            case Pending p when key.isConnectable() -> {
                try {
                    if (((SocketChannel) key.channel()).finishConnect()) {
                        started(key);
                    }
                } catch (IOException e) {
                    key.cancel();
                    Sockets.closeQuietly(key.channel());
                    log.accept("#" + p.channel().id() + " cannot connect: " + e.getMessage());
                    p.channel().abort("cannot connect: " + e.getMessage());
                }
            }
            case TlsChannel c -> {
                if (key.isReadable()) {
                    c.onReadable();
                }
                if (key.isValid() && key.isWritable() && !c.closed()) {
                    c.onWritable();
                }
            }
            default -> { }
        }
    }

    private void accept(ServerSocketChannel server, Endpoint endpoint) {
        for (int i = 0; i < Sockets.ACCEPTS_PER_TURN; i++) {
            SocketChannel socket;
            try {
                socket = Sockets.accept(server);
                if (socket == null) {
                    return;
                }
            } catch (IOException e) {
                log.accept("accept: " + e.getMessage());
                return;
            }
            TlsChannel channel = newChannel(socket, false);
            try {
                SelectionKey key = socket.register(selector, 0, null);
                begin(key, channel, endpoint, (InetSocketAddress) socket.getRemoteAddress(), (InetSocketAddress) socket.getLocalAddress());
            } catch (IOException e) {
                log.accept("#" + channel.id() + " " + e.getMessage());
                channel.abort(e.getMessage());
            }
        }
    }

    private void started(SelectionKey key) {
        Pending p = (Pending) key.attachment();
        SocketChannel socket = (SocketChannel) key.channel();
        try {
            begin(key, p.channel(), p.endpoint(), (InetSocketAddress) socket.getLocalAddress(), (InetSocketAddress) socket.getRemoteAddress());
        } catch (IOException e) {
            p.channel().abort(e.getMessage());
        }
    }

    private void begin(SelectionKey key, TlsChannel channel, Endpoint endpoint, InetSocketAddress client, InetSocketAddress server) throws IOException {
        key.attach(channel);
        Recorder recorder = endpoint.recorder();
        TcpSynthesizer recording = null;
        if (recorder != null) {
            recorders.add(recorder);
            recording = recorder.open(client, server);
        }
        Application app = endpoint.application(channel);
        channel.start(key, endpoint.peer(channel), app, recording);
        channel.onWritable();
    }

    private TlsChannel newChannel(SocketChannel socket, boolean client) {
        int id = nextId++;
        TlsChannel channel = new TlsChannel(this, socket, id, client, line -> log.accept("#" + id + " " + line),
                System.nanoTime() + handshakeTimeout.toNanos());
        channels.add(channel);
        return channel;
    }

    private void expire(long now) {
        for (TlsChannel c : new ArrayList<>(channels)) {
            long d = c.deadlineNanos();
            if (d != 0 && now - d >= 0) {
                c.expire();
            }
        }
    }

    private void flushRecordings() throws IOException {
        for (Recorder r : recorders) {
            r.flush();
        }
    }
}
