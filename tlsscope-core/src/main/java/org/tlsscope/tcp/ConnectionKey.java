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
