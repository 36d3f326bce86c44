package org.tlsscope.net;

/** An address and port; printed "ip:port", IPv6 as "[::1]:port" (RFC 5952 section 6). */
public record Endpoint(IpAddress address, int port) {
    @Override
    public String toString() {
        return address.v6() ? "[" + address + "]:" + port : address + ":" + port;
    }
}
