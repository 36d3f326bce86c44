package org.tlsscope.tls.handshake;

import java.util.List;
import org.tlsscope.bytes.DecodeException;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.IntList;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.ext.ExtensionsReader;
import org.tlsscope.tls.registry.Registries;

/** ClientHello (RFC 8446 section 4.1.2; RFC 5246 section 7.4.1.2 names the same fields client_version, session_id). */
public record ClientHello(int legacyVersion, Slice random, Slice legacySessionId, List<Integer> cipherSuites,
                          List<Integer> compressionMethods, List<Extension> extensions) implements HandshakeMessage {
    @Override
    public int type() {
        return HandshakeType.CLIENT_HELLO;
    }

    @Override
    public String name() {
        return "client_hello";
    }

    static ClientHello parse(FieldReader r) {
        int version = r.u16("legacy_version", Registries.PROTOCOL_VERSIONS.namer());
        int randomAt = r.offset();
        Slice random = r.rawBytes(32, "random");
        r.add("random", randomAt, 32, random, r.recording() ? Randoms.describe(random, false) : null);
        Slice sessionId = r.vector8("legacy_session_id", null);
        IntList suites = readCipherSuites(r);
        IntList compression = readCompressionMethods(r);
        // RFC 5246 section 7.4.1.2: a hello may end after compression_methods (no extensions at all).
        List<Extension> extensions = r.hasRemaining()
                ? ExtensionsReader.read(r, HandshakeType.CLIENT_HELLO, false) : List.of();
        r.expectEnd("client_hello");
        return new ClientHello(version, random, sessionId, suites, compression, extensions);
    }

    private static IntList readCipherSuites(FieldReader r) {
        int at = r.offset();
        int len = r.u16("cipher_suites_length", v -> v + " bytes, " + v / 2 + " suites");
        // RFC 8446 section 4.1.2: cipher_suites<2..2^16-2>, a list of two-byte values.
        if (len < 2 || (len & 1) != 0) {
            throw DecodeException.decodeError(at, "cipher_suites length " + len + " is not a positive even number");
        }
        int listAt = r.offset();
        FieldReader list = r.sub(len, "cipher_suites");
        int[] suites = new int[len / 2];
        for (int i = 0; i < suites.length; i++) {
            suites[i] = list.u16("cipher_suite", Registries.CIPHER_SUITES.namer());
        }
        r.group("cipher_suites", listAt, len, null, suites.length + " suites", list);
        return IntList.wrap(suites, suites.length);
    }

    private static IntList readCompressionMethods(FieldReader r) {
        int at = r.offset();
        int len = r.u8("legacy_compression_methods_length", v -> v + (v == 1 ? " byte" : " bytes"));
        if (len < 1) {
            throw DecodeException.decodeError(at, "legacy_compression_methods is empty (RFC 5246 requires null)");
        }
        int listAt = r.offset();
        FieldReader list = r.sub(len, "legacy_compression_methods");
        int[] methods = new int[len];
        for (int i = 0; i < len; i++) {
            methods[i] = list.u8("compression_method", Registries.COMPRESSION_METHODS.namer());
        }
        r.group("legacy_compression_methods", listAt, len, null, null, list);
        return IntList.wrap(methods, len);
    }
}
