package org.tlsscope.lab.engine;

import org.bouncycastle.tls.SecurityParameters;

/** A TLS peer that tells what its handshake negotiated (BC keeps the context protected). */
public interface Negotiated {
    /** The connection's parameters; null until the handshake completes. */
    SecurityParameters negotiated();
}
