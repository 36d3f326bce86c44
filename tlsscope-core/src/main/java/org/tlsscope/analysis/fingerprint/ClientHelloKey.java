package org.tlsscope.analysis.fingerprint;

import org.tlsscope.analysis.ByteKey;
import org.tlsscope.tls.ext.EcPointFormats;
import org.tlsscope.tls.ext.ExtensionBody;
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
        w.extensions(hello.extensions(), ClientHelloKey::decoded);
        return new ByteKey(w.bytes());
    }

    /** The bodies JA3 and JA4 decode: the lists they print or hash. */
    private static boolean decoded(ExtensionBody body) {
        return switch (body) {
            case SupportedGroups _, EcPointFormats _, SignatureAlgorithms _, SupportedVersions.Versions _ -> true;
            case null, default -> false;
        };
    }
}
