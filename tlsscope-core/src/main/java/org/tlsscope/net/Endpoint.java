package org.tlsscope.net;

/** An address and port; printed "ip:port", IPv6 as "[::1]:port" (RFC 5952 section 6). */
public record Endpoint(IpAddress address, int port) {
    @Override
    public int hashCode() {
        return address.hashCode() * 31 + port;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint e && e.port == port && e.address.equals(address);
    }

    @Override
    public String toString() {
        return address.v6() ? "[" + address + "]:" + port : address + ":" + port;
    }
}
