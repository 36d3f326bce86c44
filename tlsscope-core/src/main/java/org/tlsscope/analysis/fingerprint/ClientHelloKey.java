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
 * every extension's type in order, the decoded lists the fingerprints look up by kind (supported groups, point
 * formats, signature algorithms, supported versions) and the ALPN bytes. Not the random, the session id, the key
 * shares or the server name, which change from one connection to the next. A copy: it holds no slice of the
 * packet the hello came in.
 */
final class ClientHelloKey {
    private ClientHelloKey() {
    }

    static ByteKey of(ClientHello hello) {
        KeyWriter w = new KeyWriter();
        w.u32(hello.legacyVersion());
        w.list(hello.cipherSuites());
        w.u32(hello.extensions().size());
        for (Extension e : hello.extensions()) {
            w.u32(e.type());
            switch (e.body()) {
                case SupportedGroups g -> w.tagged(1, g.namedGroupList());
                case EcPointFormats f -> w.tagged(2, f.ecPointFormatList());
                case SignatureAlgorithms a -> w.tagged(3, a.supportedSignatureAlgorithms());
                case SupportedVersions.Versions v -> w.tagged(4, v.versions());
                case null, default -> w.u8(0);
            }
            if (e.type() == ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION) {
                w.body(e.data());
            }
        }
        return new ByteKey(w.bytes());
    }
}
