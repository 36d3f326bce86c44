package org.tlsscope.lab.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;
import org.bouncycastle.tls.TlsClient;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsPeer;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsServer;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.AlertDescription;
import org.tlsscope.lab.record.TcpSynthesizer;
import org.tlsscope.tcp.Direction;

/**
 * One TLS connection on a non-blocking socket, driven by Bouncy Castle's protocol in non-blocking mode:
 * bytes read from the socket go to {@code offerInput}, records to send come from {@code readOutput},
 * decrypted data from {@code readInput}. Partial reads are BC's to reassemble (it buffers incomplete
 * records); partial writes stay in {@link #out} until the socket takes them (OP_WRITE).
 *
 * <p>Backpressure: while more than {@link #HIGH_WATER} bytes wait to be sent, the loop stops reading
 * from this peer (an echo cannot outrun a slow reader), and resumes below {@link #LOW_WATER}.
 *
 * <p>Closing: {@link #close()} sends close_notify, then a TCP FIN (half-close), then waits for the peer's
 * FIN. BC stops parsing input once it has sent close_notify, so what the peer sends after that (its own
 * close_notify) is recorded but not parsed. A close_notify from the peer is answered by BC at once.
 */
public final class TlsChannel {
    static final int HIGH_WATER = 256 * 1024;
    static final int LOW_WATER = 64 * 1024;
    private static final int IO_BUFFER = 64 * 1024;

    private final NioLoop loop;
    private final SocketChannel socket;
    private final int id;
    private final boolean client;
    private final Consumer<String> log;
    private final ByteBuffer out = ByteBuffer.allocate(IO_BUFFER).flip();
    private final byte[] in = new byte[IO_BUFFER];
    private TlsProtocol protocol;
    private TlsPeer peer;
    private Application app;
    private SelectionKey key;
    private TcpSynthesizer recording;
    private boolean open;
    private boolean outputShut;
    private boolean inputEnded;
    private boolean closed;
    private boolean throttled;
    private boolean wantWritable;
    private long deadlineNanos;
    /** Why the end was not clean although both sides closed; null while it is. */
    private String endNote;

    TlsChannel(NioLoop loop, SocketChannel socket, int id, boolean client, Consumer<String> log, long handshakeDeadline) {
        this.deadlineNanos = handshakeDeadline;
        this.loop = loop;
        this.socket = socket;
        this.id = id;
        this.client = client;
        this.log = log;
    }

    /** The connection's number in this loop, from 1. */
    public int id() {
        return id;
    }

    public boolean isClient() {
        return client;
    }

    public InetSocketAddress remote() {
        try {
            return (InetSocketAddress) socket.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /** What the handshake negotiated; null before it completes. */
    public SecurityParameters negotiated() {
        return peer instanceof Negotiated n ? n.negotiated() : null;
    }

    /** A line for the user about this connection. */
    public void log(String line) {
        log.accept(line);
    }

    /** Encrypts and sends {@code data}; false (nothing sent) when the connection is closing or closed. */
    public boolean write(byte[] data) {
        if (closed || protocol == null || protocol.isClosed() || !open) {
            return false;
        }
        try {
            protocol.writeApplicationData(data, 0, data.length);
        } catch (IOException e) {
            fail("cannot send: " + e.getMessage());
            return false;
        }
        flush();
        return true;
    }

    /** False while the output backlog is over the high-water mark: wait for {@link Application#onWritable}. */
    public boolean writable() {
        boolean ok = backlog() < HIGH_WATER;
        wantWritable |= !ok;
        return ok;
    }

    /** Sends close_notify and a FIN; the connection ends when the peer's FIN arrives (or after a grace period). */
    public void close() {
        if (closed || protocol == null) {
            return;
        }
        try {
            protocol.close();
        } catch (IOException e) {
            fail("close: " + e.getMessage());
            return;
        }
        deadlineNanos = System.nanoTime() + loop.lingerNanos();
        flush();
    }

    public boolean isOpen() {
        return open && !closed;
    }

    // ---- driven by the loop ----

    void start(SelectionKey key, TlsPeer peer, Application app, TcpSynthesizer recording) throws IOException {
        this.peer = peer;
        this.protocol = begin(peer);
        this.key = key;
        this.app = app;
        this.recording = recording;
        key.interestOps(SelectionKey.OP_READ);
    }

    private static TlsProtocol begin(TlsPeer peer) throws IOException {
        if (peer instanceof TlsClient c) {
            TlsClientProtocol p = new TlsClientProtocol();
            p.connect(c);
            return p;
        }
        TlsServerProtocol p = new TlsServerProtocol();
        p.accept((TlsServer) peer);
        return p;
    }

    long deadlineNanos() {
        return open && protocol != null && !protocol.isClosed() ? 0 : deadlineNanos;
    }

    boolean closed() {
        return closed;
    }

    void onReadable() {
        int n;
        try {
            n = socket.read(ByteBuffer.wrap(in));
        } catch (IOException e) {
            fail("read: " + e.getMessage());
            return;
        }
        if (n > 0) {
            record(from(false), in, n);
            if (!protocol.isClosed()) {
                offer(n);
            }
        } else if (n < 0) {
            peerEnded();
        }
        flush();
    }

    void onWritable() {
        flush();
    }

    /** The grace period for the handshake or for the peer's FIN ran out. */
    void expire() {
        fail(open ? "the peer did not close its side in time" : "handshake timed out");
    }

    /** The loop is shutting down. */
    void abort(String reason) {
        fail(reason);
    }

    private void offer(int n) {
        try {
            protocol.offerInput(in, 0, n);
        } catch (TlsFatalAlert e) {
            fail("TLS alert " + AlertDescription.getText(e.getAlertDescription()) + ": " + e.getMessage());
            return;
        } catch (IOException e) {
            fail("TLS: " + e.getMessage());
            return;
        }
        if (!open && protocol.isConnected()) {
            open = true;
            app.onOpen(this);
        }
        deliver();
        if (protocol.isClosed() && !closed && !outputShut) {
            // The peer's close_notify: BC has queued ours in reply.
            app.onPeerClosed(this);
        }
    }

    private void deliver() {
        for (int avail = protocol.getAvailableInputBytes(); avail > 0 && !closed; avail = protocol.getAvailableInputBytes()) {
            byte[] data = new byte[avail];
            protocol.readInput(data, 0, avail);
            app.onData(this, data);
        }
    }

    private void peerEnded() {
        inputEnded = true;
        if (recording != null) {
            recordFin(from(false));
        }
        if (!protocol.isClosed()) {
            endNote = open ? "peer closed the TCP connection without close_notify"
                    : "peer closed the TCP connection during the handshake";
            log(endNote);
            try {
                protocol.closeInput();
            } catch (IOException e) {
                // Expected: BC reports the missing close_notify (or the cut handshake) we just logged.
            }
            app.onPeerClosed(this);
        }
    }

    /** Sends what BC has queued, as far as the socket takes it; then half-closes or ends as due. */
    private void flush() {
        if (closed) {
            return;
        }
        try {
            while (true) {
                if (!out.hasRemaining()) {
                    int avail = protocol.getAvailableOutputBytes();
                    if (avail == 0) {
                        break;
                    }
                    out.clear();
                    int n = protocol.readOutput(out.array(), 0, Math.min(avail, out.capacity()));
                    out.limit(n);
                }
                int start = out.position();
                int written = socket.write(out);
                if (written > 0) {
                    record(from(true), out.array(), start, written);
                }
                if (out.hasRemaining()) {
                    break;
                }
            }
        } catch (IOException e) {
            fail("write: " + e.getMessage());
            return;
        }
        boolean pending = out.hasRemaining() || protocol.getAvailableOutputBytes() > 0;
        if (!pending && protocol.isClosed() && !outputShut) {
            shutdownOutput();
        }
        if (outputShut && inputEnded) {
            finish(endNote);
            return;
        }
        updateInterest(pending);
    }

    private void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            fail("shutdown: " + e.getMessage());
            return;
        }
        outputShut = true;
        deadlineNanos = System.nanoTime() + loop.lingerNanos();
        if (recording != null) {
            recordFin(from(true));
        }
    }

    private void updateInterest(boolean pending) {
        long backlog = backlog();
        if (!throttled && backlog > HIGH_WATER) {
            throttled = true;
        } else if (throttled && backlog < LOW_WATER) {
            throttled = false;
        }
        int ops = (pending ? SelectionKey.OP_WRITE : 0) | (throttled || inputEnded ? 0 : SelectionKey.OP_READ);
        if (key.isValid()) {
            key.interestOps(ops);
        }
        if (wantWritable && backlog < LOW_WATER && open && !closed) {
            wantWritable = false;
            app.onWritable(this);
        }
    }

    private long backlog() {
        return protocol == null ? 0 : (long) out.remaining() + protocol.getAvailableOutputBytes();
    }

    private Direction from(boolean us) {
        return us == client ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
    }

    private void record(Direction d, byte[] b, int n) {
        record(d, b, 0, n);
    }

    private void record(Direction d, byte[] b, int off, int n) {
        if (recording != null) {
            try {
                recording.data(d, b, off, n);
            } catch (IOException e) {
                recording = null;
                log("recording stopped: " + e.getMessage());
            }
        }
    }

    private void recordFin(Direction d) {
        try {
            recording.fin(d);
        } catch (IOException e) {
            recording = null;
            log("recording stopped: " + e.getMessage());
        }
    }

    private void fail(String reason) {
        if (closed) {
            return;
        }
        // Whatever BC queued (a fatal alert) goes out first, best effort.
        try {
            if (protocol != null) {
                while (protocol.getAvailableOutputBytes() > 0 && !out.hasRemaining()) {
                    out.clear();
                    out.limit(protocol.readOutput(out.array(), 0, out.capacity()));
                }
                int start = out.position();
                int written = socket.write(out);
                if (written > 0) {
                    record(from(true), out.array(), start, written);
                }
            }
        } catch (IOException e) {
            // The socket is gone: the reason we report is the first one.
        }
        if (recording != null) {
            try {
                recording.reset(from(true));
            } catch (IOException e) {
                log("recording stopped: " + e.getMessage());
            }
        }
        finish(reason);
    }

    private void finish(String reason) {
        closed = true;
        if (key != null) {
            key.cancel();
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket that failed: nothing more to report.
        }
        loop.ended(this);
        if (app != null) {
            app.onClosed(this, reason);
        }
    }
}
