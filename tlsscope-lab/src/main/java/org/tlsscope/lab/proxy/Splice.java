package org.tlsscope.lab.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import org.tlsscope.lab.engine.Sockets;
import org.tlsscope.lab.record.TcpSynthesizer;
import org.tlsscope.tcp.Direction;

/**
 * One relayed connection: the accepted client's socket, the proxy's own connection to the upstream, and a
 * {@link Transfer} each way. The client is not read until the upstream has accepted, so nothing is held for a
 * connection that may never come. A FIN is passed on as a half-close; a reset or an error on either side
 * resets the other (SO_LINGER 0), as the peer that failed would have done to it directly.
 *
 * <p>Recorded (when the relay records) as the one TCP connection the two peers believe they have: the
 * client's address and port to the upstream's, its handshake when the upstream accepted, each side's bytes
 * as the proxy read them, their FINs and resets.
 */
final class Splice {
    /** What each of the two selection keys carries: its splice, and which side it is. */
    record End(Splice splice, boolean client) {
    }

    private final Relay relay;
    private final SocketChannel client;
    private final SocketChannel upstream;
    private final String name;
    private final Transfer up;
    private final Transfer down;
    private SelectionKey clientKey;
    private SelectionKey upstreamKey;
    private TcpSynthesizer recording;
    private boolean connected;
    private boolean closed;
    private long deadlineNanos;

    Splice(Relay relay, SocketChannel client, SocketChannel upstream, String name, long connectDeadline) {
        this.relay = relay;
        this.client = client;
        this.upstream = upstream;
        this.name = name;
        this.up = new Transfer(Direction.CLIENT_TO_SERVER, client, upstream);
        this.down = new Transfer(Direction.SERVER_TO_CLIENT, upstream, client);
        this.deadlineNanos = connectDeadline;
    }

    /** Registers both sockets and starts connecting to the upstream. */
    void start(Selector selector, InetSocketAddress to) {
        try {
            clientKey = client.register(selector, 0, new End(this, true));
            upstreamKey = upstream.register(selector, SelectionKey.OP_CONNECT, new End(this, false));
            if (upstream.connect(to)) {
                connected();
            }
        } catch (IOException e) {
            refused(e);
        }
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    void ready(SelectionKey key, boolean clientSide) {
        if (!connected) {
            try {
                if (!upstream.finishConnect()) {
                    return;
                }
            } catch (IOException e) {
                refused(e);
                return;
            }
            connected();
            return;
        }
        if (key.isReadable() && !pump(clientSide ? up : down)) {
            return;
        }
        if (key.isValid() && key.isWritable() && !drain(clientSide ? down : up)) {
            return;
        }
        settle();
    }

    /** The connect timeout or the idle timeout ran out. */
    void expire() {
        if (!connected) {
            abort(client);
            Sockets.closeQuietly(upstream);
            end("closed: the upstream " + relay.upstreamText() + " did not answer within " + relay.limits().connectTimeout().toSeconds() + " s");
            return;
        }
        if (recording != null) {
            recordFin(Direction.CLIENT_TO_SERVER);
            recordFin(Direction.SERVER_TO_CLIENT);
        }
        Sockets.closeQuietly(client);
        Sockets.closeQuietly(upstream);
        end("closed: idle for " + relay.limits().idleTimeout().toSeconds() + " s; " + counts());
    }

    /** The relay is stopping: both sides are closed, nothing more is recorded (the capture just ends). */
    void shutdown() {
        Sockets.closeQuietly(client);
        Sockets.closeQuietly(upstream);
        end("closed: the proxy is stopping; " + counts());
    }

    private void connected() {
        connected = true;
        touch();
        if (relay.recorder() != null) {
            try {
                recording = relay.recorder().open((InetSocketAddress) client.getRemoteAddress(),
                        (InetSocketAddress) upstream.getRemoteAddress());
            } catch (IOException e) {
                relay.log(name + " not recorded: " + e.getMessage());
            }
        }
        settle();
    }

    private void refused(IOException e) {
        abort(client);
        Sockets.closeQuietly(upstream);
        end("closed: cannot connect to the upstream " + relay.upstreamText() + " (" + e.getMessage() + ")");
    }

    /** Reads once from {@code t}'s source and passes it on; false when the connection ended. */
    private boolean pump(Transfer t) {
        ByteBuffer buffer = relay.buffer();
        int n;
        try {
            n = t.read(buffer);
        } catch (IOException e) {
            failed(t.direction, e);
            return false;
        }
        if (n > 0) {
            touch();
            if (recording != null) {
                try {
                    recording.data(t.direction, buffer.array(), buffer.arrayOffset(), n);
                } catch (IOException e) {
                    stopRecording(e);
                }
            }
            try {
                relay.held(t.forward(buffer));
            } catch (IOException e) {
                failed(t.direction.reverse(), e);
                return false;
            }
        } else if (n < 0 && recording != null) {
            recordFin(t.direction);
        }
        return true;
    }

    private boolean drain(Transfer t) {
        try {
            int n = t.drain();
            if (n > 0) {
                touch();
                relay.held(-n);
            }
            return true;
        } catch (IOException e) {
            failed(t.direction.reverse(), e);
            return false;
        }
    }

    /** Passes on due FINs, ends the connection when both directions are done, else sets what to wait for. */
    private void settle() {
        for (Transfer t : new Transfer[] {up, down}) {
            try {
                t.shutIfDue();
            } catch (IOException e) {
                failed(t.direction.reverse(), e);
                return;
            }
        }
        if (up.done() && down.done()) {
            Sockets.closeQuietly(client);
            Sockets.closeQuietly(upstream);
            end("closed: " + counts());
            return;
        }
        clientKey.interestOps((up.wantsRead() ? SelectionKey.OP_READ : 0) | (down.wantsWrite() ? SelectionKey.OP_WRITE : 0));
        upstreamKey.interestOps((down.wantsRead() ? SelectionKey.OP_READ : 0) | (up.wantsWrite() ? SelectionKey.OP_WRITE : 0));
    }

    /**
     * The side that sends in direction {@code by} failed (a reset, or any other error on its socket): the
     * other side is reset too, so that it learns the connection broke instead of seeing a clean end.
     */
    private void failed(Direction by, IOException e) {
        boolean clientFailed = by == Direction.CLIENT_TO_SERVER;
        if (recording != null) {
            try {
                recording.reset(by);
            } catch (IOException re) {
                stopRecording(re);
            }
        }
        abort(clientFailed ? upstream : client);
        Sockets.closeQuietly(clientFailed ? client : upstream);
        end("reset: the " + (clientFailed ? "client" : "upstream") + " side failed (" + e.getMessage() + "), so the "
                + (clientFailed ? "upstream" : "client") + " side was reset; " + counts());
    }

    /** Closes with a reset (RFC 9293 section 3.6.1, "abort"): SO_LINGER 0 makes the close send RST. */
    private static void abort(SocketChannel socket) {
        try {
            socket.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            // Not connected any more: the close below is all there is to do.
        }
        Sockets.closeQuietly(socket);
    }

    private void touch() {
        deadlineNanos = System.nanoTime() + relay.limits().idleTimeout().toNanos();
    }

    private void recordFin(Direction from) {
        try {
            recording.fin(from);
        } catch (IOException e) {
            stopRecording(e);
        }
    }

    private void stopRecording(IOException e) {
        recording = null;
        relay.log(name + " recording stopped: " + e.getMessage());
    }

    private String counts() {
        return up.bytes() + " bytes up, " + down.bytes() + " down";
    }

    private void end(String how) {
        if (closed) {
            return;
        }
        closed = true;
        relay.held(-(up.held() + down.held()));
        relay.ended(this, name + " " + how);
    }
}
