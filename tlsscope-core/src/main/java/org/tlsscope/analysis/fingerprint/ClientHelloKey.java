package org.tlsscope.analysis.fingerprint;

import java.util.Arrays;
import java.util.List;
import org.tlsscope.analysis.ByteKey;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.ext.EcPointFormats;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.ext.ExtensionType;
import org.tlsscope.tls.ext.SignatureAlgorithms;
import org.tlsscope.tls.ext.SupportedGroups;
import org.tlsscope.tls.ext.SupportedVersions;
import org.tlsscope.tls.handshake.ClientHello;

/**
 * The key of what JA3 and JA4 read of a ClientHello, as bytes compared by value, so that hellos with equal keys have equal
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
        Writer w = new Writer();
        w.u32(hello.legacyVersion());
        w.list(hello.cipherSuites());
        w.u32(hello.extensions().size());
        // Every value in a fixed width and every list or body after its length: one key reads back one way only.
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
                w.u32(e.data().length());
                w.slice(e.data());
            }
        }
        return new ByteKey(w.bytes());
    }

    private static final class Writer {
        private byte[] bytes = new byte[256];
        private int at;

        void u8(int v) {
            room(1);
            bytes[at++] = (byte) v;
        }

        void u32(int v) {
            room(4);
            bytes[at++] = (byte) (v >>> 24);
            bytes[at++] = (byte) (v >>> 16);
            bytes[at++] = (byte) (v >>> 8);
            bytes[at++] = (byte) v;
        }

        void list(List<Integer> values) {
            u32(values.size());
            for (int v : values) {
                u32(v);
            }
        }

        void tagged(int tag, List<Integer> values) {
            u8(tag);
            list(values);
        }

        void slice(Slice s) {
            room(s.length());
            s.copyTo(bytes, at);
            at += s.length();
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, at);
        }

        private void room(int n) {
            if (at + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, at + n));
            }
        }
    }
}
