package org.tlsscope.lab.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.tlsscope.net.Endpoint;
import org.tlsscope.net.IpAddress;

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

    /**
     * {@code 127.0.0.1:4433}, {@code [::1]:4433}: an address as the analysis prints endpoints (RFC 5952 for
     * IPv6); an unresolved one by its name.
     */
    public static String text(InetSocketAddress address) {
        if (address.getAddress() == null) {
            return address.getHostString() + ":" + address.getPort();
        }
        ByteBuffer b = ByteBuffer.wrap(address.getAddress().getAddress());
        IpAddress ip = b.capacity() == 4 ? IpAddress.v4(b.getInt()) : IpAddress.v6(b.getLong(), b.getLong());
        return new Endpoint(ip, address.getPort()).toString();
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
