package org.tlsscope.lab.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsPeer;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsUtils;
import org.tlsscope.lab.TlsNames;
import org.tlsscope.lab.keylog.SecretTap;
import org.tlsscope.lab.record.TcpSynthesizer;
import org.tlsscope.tcp.Direction;

/**
 * One TLS connection on a non-blocking socket, driven by Bouncy Castle's protocol in non-blocking mode:
 * bytes read from the socket go to {@code offerInput}, records to send come from {@code readOutput},
 * decrypted data from {@code readInput}. Partial reads are BC's to reassemble (it buffers incomplete
 * records); what the socket does not take of a write waits in {@link #pending} until OP_WRITE. Reads
 * and writes go through the loop's two shared buffers, so an idle connection holds no I/O buffer.
 *
 * <p>Backpressure: while more than {@link #HIGH_WATER} bytes wait to be sent, the loop stops reading
 * from this peer (an echo cannot outrun a slow reader), and resumes below {@link #LOW_WATER}.
 *
 * <p>Every wait on the peer is bounded, and each end of a connection has one reason in plain words
 * (given to {@link Application#onClosed}): the handshake must complete within the loop's timeout; once
 * open, a peer that takes none of our pending output for that long has stopped reading; after our
 * close_notify, its FIN must come within the linger time. A reset, a FIN mid-handshake, bytes that are
 * not TLS and fatal alerts each end the connection with their own reason.
 *
 * <p>Closing: {@link #close()} sends close_notify, then a TCP FIN (half-close), then waits for the peer's
 * FIN. BC stops parsing input once it has sent close_notify, so what the peer sends after that (its own
 * close_notify) is recorded but not parsed. A close_notify from the peer is answered by BC at once.
 */
public final class TlsChannel {
    static final int HIGH_WATER = 256 * 1024;
    static final int LOW_WATER = 64 * 1024;

    private final NioLoop loop;
    private final SocketChannel socket;
    private final int id;
    private final boolean client;
    private final Consumer<String> log;
    private final FirstBytes first = new FirstBytes();
    /** Output BC gave us that the socket has not taken yet; null when there is none. */
    private ByteBuffer pending;
    private TlsProtocol protocol;
    private TlsPeer peer;
    private Application app;
    private SelectionKey key;
    private TcpSynthesizer recording;
    private boolean open;
    private boolean closing;
    private boolean outputShut;
    private boolean inputEnded;
    private boolean closed;
    private boolean throttled;
    private boolean wantWritable;
    /** The peer reset the connection: the recording shows its RST, not ours. */
    private boolean resetByPeer;
    /** When the current wait on the peer runs out (System.nanoTime()); 0: not waiting. */
    private long deadlineNanos;
    /** Why the end was not clean although both sides closed; null while it is. */
    private String endNote;

    TlsChannel(NioLoop loop, SocketChannel socket, int id, boolean client, Consumer<String> log) {
        this.loop = loop;
        this.socket = socket;
        this.id = id;
        this.client = client;
        this.log = log;
        this.deadlineNanos = System.nanoTime() + loop.timeout().toNanos();
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

    /**
     * A handshake step as the TLS engine reports it (a hello, a certificate, an alert, a key update): logged
     * like {@link #log} when the loop narrates, dropped when a live analysis shows the handshake instead.
     */
    public void event(String line) {
        if (loop.narrated()) {
            log.accept(line);
        }
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
        startClosing();
        flush();
    }

    public boolean isOpen() {
        return open && !closed;
    }

    /**
     * Sends a TLS 1.3 KeyUpdate and switches to the next sending key (RFC 8446 section 4.6.3); with
     * {@code requestPeer} (update_requested) the peer must send its own before its next data, which BC
     * does when it next writes. False, with nothing sent, before the handshake completes, once closing,
     * or below TLS 1.3, which has no KeyUpdate.
     */
    public boolean updateKeys(boolean requestPeer) {
        SecurityParameters sp = negotiated();
        if (!isOpen() || closing || protocol.isClosed() || sp == null || !TlsUtils.isTLSv13(sp.getNegotiatedVersion())) {
            return false;
        }
        try {
            ((Protocols.KeyUpdating) protocol).keyUpdate(requestPeer);
        } catch (IOException e) {
            fail("cannot send KeyUpdate: " + e.getMessage());
            return false;
        }
        flush();
        return true;
    }

    // ---- driven by the loop ----

    /** The application, set before anything can happen to the connection (even a failed TCP connect). */
    void attach(Application app) {
        this.app = app;
    }

    void start(SelectionKey key, TlsPeer peer, TcpSynthesizer recording) throws IOException {
        this.peer = peer;
        this.key = key;
        this.recording = recording;
        this.protocol = Protocols.begin(peer);
        key.interestOps(SelectionKey.OP_READ);
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    boolean closed() {
        return closed;
    }

    void onReadable() {
        ByteBuffer in = loop.readBuffer();
        int n;
        try {
            n = socket.read(in.clear());
        } catch (IOException e) {
            fail(ioFailure("read", e));
            return;
        }
        if (n > 0) {
            first.add(in.array(), n);
            if (protocol.isClosed()) {
                record(from(false), in.array(), 0, n);
            } else {
                offer(in.array(), n);
            }
        } else if (n < 0) {
            peerEnded();
        }
        flush();
    }

    void onWritable() {
        flush();
    }

    /** The current wait on the peer ran out: the handshake, a stalled write, or the peer's FIN. */
    void expire() {
        String timeout = seconds(loop.timeout().toNanos());
        if (closing) {
            fail(peerName() + " did not close its side within " + seconds(loop.lingerNanos()));
        } else if (protocol == null) {
            fail("no TCP connection within " + timeout);
        } else if (!open) {
            fail(first.length() == 0 ? "no " + (client ? "ServerHello" : "ClientHello") + " within " + timeout
                    : !first.looksLikeTls() ? first.notTls() : "handshake not complete after " + timeout);
        } else {
            fail(peerName() + " stopped reading: " + backlog() + " bytes unsent for " + timeout);
        }
    }

    /**
     * The loop is shutting down: the connection ends as a failure would, but recorded with a FIN from this side,
     * not a reset. Closing the socket sends a FIN (the kernel resets only when received bytes are left unread,
     * and the loop has read what there was), and the recording shows what went on the wire.
     */
    void abort(String reason) {
        end(reason, false);
    }

    private void offer(byte[] in, int n) {
        // BC opens a record that lies whole in the array it is offered in place (RecordStream.readFullRecord):
        // a recorded connection offers a copy, so that the recording gets the bytes as they came.
        byte[] offered = in;
        if (recording != null) {
            offered = loop.offerBuffer();
            System.arraycopy(in, 0, offered, 0, n);
        }
        IOException failure = null;
        try {
            protocol.offerInput(offered, 0, n);
        } catch (IOException e) {
            failure = e;
        }
        // Recorded once BC has read them, not before: a secret these bytes let BC derive (a TLS 1.3 client's
        // handshake secrets from the ServerHello, RFC 8446 section 7.1; a TLS 1.2 server's master secret from
        // the ClientKeyExchange, RFC 5246 section 8.1) is then logged before the records it opens, which often
        // came in the same read, reach the recording. A live analysis of the recording so finds every key it
        // needs when it reads the record. Nothing was sent meanwhile: BC's output waits for flush().
        record(from(false), in, 0, n);
        switch (failure) {
            case null -> { }
            case TlsFatalAlertReceived e -> {
                fail(peerName() + " sent fatal alert " + AlertDescription.getName(e.getAlertDescription()) + during());
                return;
            }
            case TlsFatalAlert e -> {
                // BC raised the alert: name what the peer sent when it is not TLS at all. BC queues the alert to
                // send, except before it has read a ClientHello's version (its RecordStream.writeRecord drops
                // records while no write version is set): then the line says so, as the recording shows no alert.
                String alert = AlertDescription.getName(e.getAlertDescription()) + detail(e)
                        + (protocol.getAvailableOutputBytes() == 0 ? "; the alert was not sent" : "");
                fail(!open && !first.looksLikeTls() ? first.notTls() : (open ? "TLS error: " : "handshake failed: ") + alert);
                return;
            }
            case IOException e -> {
                fail("TLS: " + e.getMessage());
                return;
            }
        }
        if (!open && protocol.isConnected()) {
            open = true;
            deadlineNanos = 0;
            app.onOpen(this);
        }
        deliver();
        if (protocol.isClosed() && !closed && !outputShut) {
            // The peer's close_notify: BC has queued ours in reply.
            startClosing();
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
            endNote = open ? peerName() + " closed the TCP connection without close_notify"
                    : !first.looksLikeTls() ? first.notTls()
                    : peerName() + " closed the TCP connection during the handshake";
            try {
                protocol.closeInput();
            } catch (IOException e) {
                // Expected: BC reports the missing close_notify (or the cut handshake) that endNote names.
            }
            app.onPeerClosed(this);
        }
    }

    /** Sends what BC has queued, as far as the socket takes it; then half-closes or ends as due. */
    private void flush() {
        if (closed) {
            return;
        }
        boolean progress;
        try {
            progress = send();
        } catch (IOException e) {
            fail(ioFailure("send", e));
            return;
        }
        boolean waiting = pending != null || protocol.getAvailableOutputBytes() > 0;
        if (!waiting && protocol.isClosed() && !outputShut) {
            shutdownOutput();
        }
        if (outputShut && inputEnded) {
            finish(endNote);
            return;
        }
        if (open && !closing) {
            // A peer that takes none of our output for the timeout has stopped reading.
            deadlineNanos = !waiting ? 0 : progress || deadlineNanos == 0 ? System.nanoTime() + loop.timeout().toNanos() : deadlineNanos;
        }
        updateInterest(waiting);
    }

    /** Writes pending output, then BC's, until the socket is full; true when it took any byte. */
    private boolean send() throws IOException {
        boolean progress = false;
        while (true) {
            if (pending != null) {
                progress |= write(pending);
                if (pending.hasRemaining()) {
                    return progress;
                }
                pending = null;
            }
            int avail = protocol.getAvailableOutputBytes();
            if (avail == 0) {
                return progress;
            }
            ByteBuffer out = loop.writeBuffer().clear();
            protocol.readOutput(out, Math.min(avail, out.capacity()));
            progress |= write(out.flip());
            if (out.hasRemaining()) {
                pending = ByteBuffer.allocate(out.remaining()).put(out).flip();
                return progress;
            }
        }
    }

    private boolean write(ByteBuffer b) throws IOException {
        int start = b.position();
        int written = socket.write(b);
        if (written > 0) {
            record(from(true), b.array(), b.arrayOffset() + start, written);
        }
        return written > 0;
    }

    private void startClosing() {
        if (!closing) {
            closing = true;
            deadlineNanos = System.nanoTime() + loop.lingerNanos();
        }
    }

    private void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            fail(ioFailure("shut down", e));
            return;
        }
        outputShut = true;
        startClosing();
        if (recording != null) {
            recordFin(from(true));
        }
    }

    private void updateInterest(boolean waiting) {
        long backlog = backlog();
        if (!throttled && backlog > HIGH_WATER) {
            throttled = true;
        } else if (throttled && backlog < LOW_WATER) {
            throttled = false;
        }
        int ops = (waiting ? SelectionKey.OP_WRITE : 0) | (throttled || inputEnded ? 0 : SelectionKey.OP_READ);
        if (key.isValid()) {
            key.interestOps(ops);
        }
        if (wantWritable && backlog < LOW_WATER && open && !closed) {
            wantWritable = false;
            app.onWritable(this);
        }
    }

    private long backlog() {
        return protocol == null ? 0 : (pending == null ? 0L : pending.remaining()) + protocol.getAvailableOutputBytes();
    }

    private String peerName() {
        return client ? "server" : "client";
    }

    private String during() {
        return open ? "" : " during the handshake";
    }

    /**
     * A socket error in plain words. A reset shows as ECONNRESET on a read ("Connection reset") and as
     * ECONNRESET or EPIPE on a write ("Connection reset by peer", "Broken pipe"); the JDK gives only the message.
     */
    private String ioFailure(String doing, IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("reset") || m.contains("Broken pipe")) {
            resetByPeer = true;
            return peerName() + " reset the connection" + during();
        }
        return "cannot " + doing + ": " + m;
    }

    private static String detail(TlsFatalAlert e) {
        String d = TlsNames.errorDetail(e);
        return d == null ? "" : " (" + d + ")";
    }

    private static String seconds(long nanos) {
        return nanos % 1_000_000_000L == 0 ? nanos / 1_000_000_000L + " s" : nanos / 1_000_000L + " ms";
    }

    private Direction from(boolean us) {
        return us == client ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
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
        end(reason, true);
    }

    /** Ends the connection for {@code reason}, recorded as a reset or as a FIN from this side. */
    private void end(String reason, boolean reset) {
        if (closed) {
            return;
        }
        // Whatever BC queued (a fatal alert) goes out first, best effort.
        try {
            if (protocol != null) {
                send();
            }
        } catch (IOException e) {
            // The socket is gone: the reason we report is the first one.
        }
        if (recording != null && reset) {
            try {
                recording.reset(from(!resetByPeer));
            } catch (IOException e) {
                log("recording stopped: " + e.getMessage());
            }
        } else if (recording != null) {
            recordFin(from(true));
        }
        finish(reason);
    }

    private void finish(String reason) {
        closed = true;
        pending = null;
        if (key != null) {
            key.cancel();
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket that failed: nothing more to report.
        }
        loop.ended(this);
        // Everything the connection sent and received is recorded by now: its secrets open nothing more.
        if (peer != null && peer.getCrypto() instanceof SecretTap tap) {
            tap.connectionEnded();
        }
        if (app != null) {
            app.onClosed(this, reason);
        }
    }
}
