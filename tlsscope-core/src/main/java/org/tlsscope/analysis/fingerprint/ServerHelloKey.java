package org.tlsscope.analysis.fingerprint;

import org.tlsscope.analysis.ByteKey;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.ext.ExtensionType;
import org.tlsscope.tls.ext.SupportedVersions;
import org.tlsscope.tls.handshake.ServerHello;

/**
 * What JA3S and JA4S read of a ServerHello, as a key compared by value, so that a server's answers to one kind of
 * client are fingerprinted once per capture: the legacy version, the cipher suite, every extension's type in
 * order, the selected version and the ALPN bytes. Not the random, the session id or the key share.
 */
public final class ServerHelloKey {
    private ServerHelloKey() {
    }

    public static ByteKey of(ServerHello hello) {
        // A server's answer: a version, a suite, a few extensions.
        KeyWriter w = new KeyWriter(64);
        w.u32(hello.legacyVersion());
        w.u32(hello.cipherSuite());
        w.u32(hello.extensions().size());
        for (Extension e : hello.extensions()) {
            w.u32(e.type());
            if (e.body() instanceof SupportedVersions.SelectedVersion v) {
                w.u8(1);
                w.u32(v.selectedVersion());
            } else {
                w.u8(0);
            }
            if (e.type() == ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION) {
                w.body(e.data());
            }
        }
        return new ByteKey(w.bytes());
    }
}
