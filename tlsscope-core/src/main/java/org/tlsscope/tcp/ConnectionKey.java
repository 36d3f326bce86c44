package org.tlsscope.tcp;

import org.tlsscope.net.Endpoint;

/**
 * The 4-tuple that names a connection, with its endpoints in a fixed order so that both directions of
 * a connection find the same key.
 */
record ConnectionKey(Endpoint low, Endpoint high) {
    static ConnectionKey of(Endpoint a, Endpoint b) {
        return compare(a, b) <= 0 ? new ConnectionKey(a, b) : new ConnectionKey(b, a);
    }

    // Written out, as Endpoint's and IpAddress's are: every segment looks its connection up by this key,
    // and a record's generated equals and hashCode cost more to run and to compile.
    @Override
    public int hashCode() {
        return low.hashCode() * 31 + high.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionKey k && k.low.equals(low) && k.high.equals(high);
    }

    private static int compare(Endpoint a, Endpoint b) {
        int c = Long.compare(a.address().hi(), b.address().hi());
        if (c == 0) {
            c = Long.compare(a.address().lo(), b.address().lo());
        }
        if (c == 0) {
            c = Boolean.compare(a.address().v6(), b.address().v6());
        }
        return c != 0 ? c : Integer.compare(a.port(), b.port());
    }
}
