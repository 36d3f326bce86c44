package org.tlsscope.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;

/** HOST:PORT on the command line: a name or an address, IPv6 in brackets ({@code [::1]:443}). */
final class HostPort {
    private HostPort() {
    }

    /** Why an address cannot be listened on, in one line: {@code cannot listen on 127.0.0.1:4433: the port is in use}. */
    static String cannotListen(String address, IOException e) {
        return "cannot listen on " + address + ": "
                + (e instanceof BindException && "Address already in use".equals(e.getMessage()) ? "the port is in use" : e.getMessage());
    }

    /** The address, resolved when HOST is a name (unresolved when it does not resolve); null when not HOST:PORT or the port is under {@code minPort}. */
    static InetSocketAddress parse(String s, int minPort) {
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            return null;
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(s.substring(colon + 1));
            return port >= minPort && port < 65536 ? new InetSocketAddress(host, port) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
