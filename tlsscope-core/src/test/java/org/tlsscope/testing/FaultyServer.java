package org.tlsscope.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A one-connection TCP server on loopback that misbehaves on purpose (resets, stays silent, speaks another
 * protocol), for the tests of how a client ends such a connection. After its fault it holds the
 * connection, unless the fault closed it, until the client gives up.
 */
public final class FaultyServer {
    private FaultyServer() {
    }

    /** What the server does with the connection it accepted. */
    public interface Fault {
        void act(Socket accepted) throws IOException;
    }

    /** The client under test, run against the server's address; its result is what the test looks at. */
    public interface Client<T> {
        T run(InetSocketAddress server) throws Exception;
    }

    /** Runs {@code client} against a server that does {@code fault}, and returns the client's result. */
    public static <T> T against(Fault fault, Client<T> client) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = Thread.ofPlatform().daemon().start(() -> {
                try (Socket s = listener.accept()) {
                    s.setSoTimeout(10_000);
                    fault.act(s);
                    s.getInputStream().readAllBytes();
                } catch (IOException e) {
                    // The client ended the connection: the test looks at the client's side.
                }
            });
            T result = client.run((InetSocketAddress) listener.getLocalSocketAddress());
            server.join(10_000);
            return result;
        }
    }
}
