package org.tlsscope.lab.engine;

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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    private static final int IO_BUFFER = 64 * 1024;
    /** How long a listener stops accepting after accept failed (out of file descriptors: EMFILE, ENFILE), or with the heap nearly full. */
    private static final long ACCEPT_PAUSE_NANOS = 1_000_000_000L;

    private final Selector selector;
    private final Set<Recorder> recorders = new LinkedHashSet<>();
    private final Consumer<String> log;
    private final Duration timeout;
    private final Duration linger;
    /** One read and one write buffer for all connections: the loop's single thread uses one at a time. */
    private final ByteBuffer readBuffer = ByteBuffer.allocate(IO_BUFFER);
    private final ByteBuffer writeBuffer = ByteBuffer.allocate(IO_BUFFER);
    /** What a recorded connection offers to BC instead of the read buffer, which keeps the bytes as read. */
    private final byte[] offerBuffer = new byte[IO_BUFFER];
    /** Listeners paused after a failed accept or with the heap nearly full, with when to resume them. */
    private final Map<SelectionKey, Long> pausedListeners = new HashMap<>();
    /** Accepting was paused for memory: said once, however often it happens. */
    private boolean heapSaid;
    private final Set<TlsChannel> channels = new LinkedHashSet<>();
    /** Whether the heap has room for one more connection (the loop's own and their analysis's memory). */
    private final HeapWatch heap = new HeapWatch(() -> (int) channels.stream().filter(c -> !c.isOpen()).count());
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;
    private boolean narrated = true;
    private int nextId = 1;
    private long nextExpiry = System.nanoTime();

    /**
     * @param log     lines about the loop's connections, prefixed with their number
     * @param timeout how long each wait on a peer may last: the TCP connect and the handshake together,
     *                and, once open, a peer that takes none of the output waiting for it
     * @param linger  how long to wait for the peer's FIN after our close_notify
     */
    public NioLoop(Consumer<String> log, Duration timeout, Duration linger) throws IOException {
        this.selector = Selector.open();
        this.log = log;
        this.timeout = timeout;
        this.linger = linger;
    }

    /**
     * Whether the TLS engine's handshake steps ({@link TlsChannel#event}) are logged with the connections' other
     * lines: yes by default (the lab's narration); serve and connect, whose live analysis shows each handshake
     * from its bytes, turn them off. Set before the loop runs.
     */
    public void narrate(boolean narrated) {
        this.narrated = narrated;
    }

    boolean narrated() {
        return narrated;
    }

    /** Listens on {@code address} (port 0: any free port); returns the address bound. */
    public InetSocketAddress listen(InetSocketAddress address, Endpoint endpoint) throws IOException {
        ServerSocketChannel server = Sockets.listen(selector, address, endpoint);
        listeners.add(server);
        return (InetSocketAddress) server.getLocalAddress();
    }

    /**
     * Starts a connection to {@code address}; the handshake begins when TCP connects. Once a socket is
     * open, every failure reaches the endpoint's application ({@link Application#onClosed}); an IOException
     * here means no socket could be opened.
     */
    public void connect(InetSocketAddress address, Endpoint endpoint) throws IOException {
        SocketChannel socket = Sockets.open();
        TlsChannel channel = newChannel(socket, true, endpoint);
        try {
            socket.register(selector, SelectionKey.OP_CONNECT, new Pending(channel, endpoint));
            if (socket.connect(address)) {
                started(socket.keyFor(selector));
            }
        } catch (IOException e) {
            channel.abort("cannot connect: " + e.getMessage());
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
            resumeListeners(System.nanoTime());
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

    Duration timeout() {
        return timeout;
    }

    long lingerNanos() {
        return linger.toNanos();
    }

    ByteBuffer readBuffer() {
        return readBuffer;
    }

    ByteBuffer writeBuffer() {
        return writeBuffer;
    }

    byte[] offerBuffer() {
        return offerBuffer;
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
            case Endpoint endpoint when key.isAcceptable() -> accept(key, endpoint);
            case Pending p when key.isConnectable() -> {
                try {
                    if (((SocketChannel) key.channel()).finishConnect()) {
                        started(key);
                    }
                } catch (IOException e) {
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

    private void accept(SelectionKey listener, Endpoint endpoint) {
        ServerSocketChannel server = (ServerSocketChannel) listener.channel();
        for (int i = 0; i < Sockets.ACCEPTS_PER_TURN; i++) {
            if (!heap.admits(System.nanoTime())) {
                // Another connection could cost the open ones (or their analysis) the memory they need: new ones
                // wait in the kernel's backlog (or time out there) until some have ended.
                if (!heapSaid) {
                    heapSaid = true;
                    log.accept("not accepting new connections while the heap is nearly full (" + heap.figures()
                            + "): they wait in the backlog until open ones end (said once)");
                }
                pause(listener);
                return;
            }
            SocketChannel socket;
            try {
                socket = Sockets.accept(server);
                if (socket == null) {
                    return;
                }
            } catch (IOException e) {
                // Out of file descriptors, typically: what waits stays in the kernel's backlog meanwhile.
                log.accept("cannot accept: " + e.getMessage() + "; accepting again in 1 s");
                pause(listener);
                return;
            }
            heap.accepted();
            TlsChannel channel = newChannel(socket, false, endpoint);
            try {
                SelectionKey key = socket.register(selector, 0, null);
                begin(key, channel, endpoint, (InetSocketAddress) socket.getRemoteAddress(), (InetSocketAddress) socket.getLocalAddress());
            } catch (IOException e) {
                channel.abort(e.getMessage());
            }
        }
    }

    private void pause(SelectionKey listener) {
        listener.interestOps(0);
        pausedListeners.put(listener, System.nanoTime() + ACCEPT_PAUSE_NANOS);
    }

    private void resumeListeners(long now) {
        pausedListeners.entrySet().removeIf(e -> {
            if (now - e.getValue() < 0) {
                return false;
            }
            if (e.getKey().isValid()) {
                e.getKey().interestOps(SelectionKey.OP_ACCEPT);
            }
            return true;
        });
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
        channel.start(key, endpoint.peer(channel), recording);
        channel.onWritable();
    }

    private TlsChannel newChannel(SocketChannel socket, boolean client, Endpoint endpoint) {
        int id = nextId++;
        TlsChannel channel = new TlsChannel(this, socket, id, client, line -> log.accept("#" + id + " " + line));
        channel.attach(endpoint.application(channel));
        channels.add(channel);
        return channel;
    }

    private void expire(long now) {
        // Deadlines are coarse (a select turn); scanning every connection more often would cost more than it gives.
        if (now - nextExpiry < 0) {
            return;
        }
        nextExpiry = now + SELECT_MILLIS * 1_000_000L;
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
