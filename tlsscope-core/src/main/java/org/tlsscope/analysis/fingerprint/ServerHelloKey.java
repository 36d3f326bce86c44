package org.tlsscope.analysis.fingerprint;

import org.tlsscope.analysis.ByteKey;
import org.tlsscope.tls.ext.SupportedVersions;
import org.tlsscope.tls.handshake.ServerHello;

/**
 * What JA3S and JA4S read of a ServerHello, as a key compared by value, so that a server's answers to one kind of
 * client are fingerprinted once per capture: the legacy version, the cipher suite, every extension's type in
 * order, the bytes of the selected version and the ALPN bytes. Not the random, the session id or the key share.
 */
public final class ServerHelloKey {
    private ServerHelloKey() {
    }

    public static ByteKey of(ServerHello hello) {
        // A server's answer: a version, a suite, a few extensions.
        KeyWriter w = new KeyWriter(64);
        w.u32(hello.legacyVersion());
        w.u32(hello.cipherSuite());
        // The selected version is the one body JA4S decodes (JA3S reads none).
        w.extensions(hello.extensions(), body -> body instanceof SupportedVersions.SelectedVersion);
        return new ByteKey(w.bytes());
    }
}
