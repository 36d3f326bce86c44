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
        // Mixed (Fibonacci hashing, Knuth 6.4): the endpoints' own hashes differ mostly in their high bits
        // (addresses) and in a few low ones (ports), and copies of one session under other addresses would
        // otherwise share the buckets the table indexes by its low bits.
        long k = ((long) low.hashCode() << 32 | high.hashCode() & 0xffffffffL) * 0x9e3779b97f4a7c15L;
        return (int) (k >>> 32);
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
