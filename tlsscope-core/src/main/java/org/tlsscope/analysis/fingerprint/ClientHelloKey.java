package org.tlsscope.analysis.fingerprint;

import org.tlsscope.analysis.ByteKey;
import org.tlsscope.tls.ext.EcPointFormats;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.ext.ExtensionType;
import org.tlsscope.tls.ext.SignatureAlgorithms;
import org.tlsscope.tls.ext.SupportedGroups;
import org.tlsscope.tls.ext.SupportedVersions;
import org.tlsscope.tls.handshake.ClientHello;

/**
 * What JA3 and JA4 read of a ClientHello, as a key compared by value, so that hellos with equal keys have equal
 * fingerprints and a client program's are computed once per capture: the legacy version, the cipher suites,
 * every extension's type in order, the bytes of the bodies the fingerprints decode (supported groups, point
 * formats, signature algorithms, supported versions) and the ALPN bytes. Not the random, the session id, the key
 * shares or the server name, which change from one connection to the next. A copy: it holds no slice of the
 * packet the hello came in.
 */
final class ClientHelloKey {
    private ClientHelloKey() {
    }

    static ByteKey of(ClientHello hello) {
        // A browser's hello: some 16 suites and 16 extensions, 4 bytes each, and about 100 bytes of bodies.
        KeyWriter w = new KeyWriter(256);
        w.u32(hello.legacyVersion());
        w.list(hello.cipherSuites());
        w.u32(hello.extensions().size());
        for (Extension e : hello.extensions()) {
            w.u32(e.type());
            // A body the fingerprints decode goes in as sent, after a tag saying it decoded: its bytes decide the
            // list read from it, and copying them costs a fraction of writing the list out value by value.
            switch (e.body()) {
                case SupportedGroups _, EcPointFormats _, SignatureAlgorithms _, SupportedVersions.Versions _ -> {
                    w.u8(1);
                    w.body(e.data());
                }
                case null, default -> w.u8(0);
            }
            if (e.type() == ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION) {
                w.body(e.data());
            }
        }
        return new ByteKey(w.bytes());
    }
}
