package org.tlsscope.tcp;

import org.tlsscope.net.Endpoint;

/**
 * One TCP connection: numbered from 1 in the order their first segment appears, as tshark numbers
 * tcp.stream from 0. The client is the side that sent the SYN; for a connection caught without its
 * SYN, the reassembler guesses (the side on the higher port), and a later layer that knows better
 * (the side that sent a ClientHello) may say so with {@link #swapRoles()}.
 */
public final class TcpConnection {
    private final int id;
    private final long firstFrame;
    private final long firstTimestampNanos;
    private final boolean sawSyn;
    private Endpoint client;
    private Endpoint server;

    public TcpConnection(int id, Endpoint client, Endpoint server, long firstFrame, long firstTimestampNanos,
                         boolean sawSyn) {
        this.id = id;
        this.client = client;
        this.server = server;
        this.firstFrame = firstFrame;
        this.firstTimestampNanos = firstTimestampNanos;
        this.sawSyn = sawSyn;
    }

    public int id() {
        return id;
    }

    public Endpoint client() {
        return client;
    }

    public Endpoint server() {
        return server;
    }

    public long firstFrame() {
        return firstFrame;
    }

    public long firstTimestampNanos() {
        return firstTimestampNanos;
    }

    /** Whether the handshake's SYN was captured, so the roles are known rather than guessed. */
    public boolean sawSyn() {
        return sawSyn;
    }

    /** Exchanges client and server: directions passed to handlers afterwards follow the new roles. */
    public void swapRoles() {
        Endpoint c = client;
        client = server;
        server = c;
    }

    @Override
    public String toString() {
        return "#" + id + " " + client + " -> " + server;
    }
}
