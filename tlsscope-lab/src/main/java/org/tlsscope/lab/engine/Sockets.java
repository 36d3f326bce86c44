package org.tlsscope.lab.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.Channel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** How the lab's selector loops (the TLS endpoints' and the proxy's) set up their sockets: all non-blocking. */
public final class Sockets {
    /** Connections accepted per listener and turn, so that a flood of new ones cannot starve the open ones. */
    public static final int ACCEPTS_PER_TURN = 64;
    private static final int BACKLOG = 1024;

    private Sockets() {
    }

    /** Listens on {@code address} (port 0: any free port), registered for OP_ACCEPT with {@code attachment}. */
    public static ServerSocketChannel listen(Selector selector, InetSocketAddress address, Object attachment) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(address, BACKLOG);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT, attachment);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The next waiting connection, non-blocking and without Nagle's delay; null when none waits. */
    public static SocketChannel accept(ServerSocketChannel server) throws IOException {
        SocketChannel socket = server.accept();
        if (socket != null) {
            configure(socket);
        }
        return socket;
    }

    /** A socket for an outgoing connection, non-blocking and without Nagle's delay. */
    public static SocketChannel open() throws IOException {
        return configure(SocketChannel.open());
    }

    /** Closes a channel that failed or is done with: the reason reported is the caller's, not this close's. */
    public static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Already failed or closed: nothing more to report.
        }
    }

    private static SocketChannel configure(SocketChannel socket) throws IOException {
        try {
            socket.configureBlocking(false);
            socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }
}
