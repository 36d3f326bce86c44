package org.tlsscope.lab.engine;

import org.bouncycastle.tls.TlsPeer;

/**
 * How the loop sets up each new connection of a listener or an outgoing connect: its TLS peer (a
 * {@code TlsServer} for accepted connections, a {@code TlsClient} for outgoing ones) and its application.
 */
public interface Endpoint {
    TlsPeer peer(TlsChannel channel);

    Application application(TlsChannel channel);

    /** Where this endpoint's connections are recorded; null: not recorded. */
    default Recorder recorder() {
        return null;
    }
}
