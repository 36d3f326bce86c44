package org.tlsscope.tls.handshake;

import java.util.List;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.ext.ExtensionsReader;
import org.tlsscope.tls.registry.Registries;

/**
 * ServerHello (RFC 8446 section 4.1.3, RFC 5246 section 7.4.1.3), and HelloRetryRequest, which is a
 * ServerHello whose random is the fixed SHA-256 of "HelloRetryRequest".
 *
 * <p>TLS 1.3 drafts before 22 put the draft version (0x7f00 + n) in the version field and had neither
 * a session id nor a compression method (draft-ietf-tls-tls13-21 section 4.1.3); such a ServerHello
 * has an empty {@code legacySessionId} and a {@code compressionMethod} of -1. Early implementations
 * wrote 0x0304 there instead of a draft number: the final layout never does (RFC 8446 section 4.1.3
 * fixes legacy_version at 0x0303), so 0x0304 means the draft layout too.
 */
public record ServerHello(int legacyVersion, Slice random, Slice legacySessionId, int cipherSuite,
                          int compressionMethod, List<Extension> extensions, boolean helloRetryRequest)
        implements HandshakeMessage {
    @Override
    public int type() {
        return HandshakeType.SERVER_HELLO;
    }

    @Override
    public String name() {
        return helloRetryRequest ? "hello_retry_request" : "server_hello";
    }

    /** draft-ietf-tls-tls13-22 brought back legacy_session_id_echo and legacy_compression_method. */
    private static final int FIRST_DRAFT_WITH_LEGACY_FIELDS = 22;

    static ServerHello parse(FieldReader r) {
        int version = r.u16("legacy_version", Registries.PROTOCOL_VERSIONS.namer());
        int randomAt = r.offset();
        Slice random = r.rawBytes(32, "random");
        r.add("random", randomAt, 32, random, r.recording() ? Randoms.describe(random, true) : null);
        boolean hrr = Randoms.isHelloRetryRequest(random);
        boolean earlyDraft = version == 0x0304
                || version >= 0x7f00 && version < 0x7f00 + FIRST_DRAFT_WITH_LEGACY_FIELDS;
        Slice sessionId = earlyDraft ? Slice.EMPTY : r.vector8("legacy_session_id", null);
        int suite = r.u16("cipher_suite", Registries.CIPHER_SUITES.namer());
        int compression = earlyDraft ? -1 : r.u8("legacy_compression_method", Registries.COMPRESSION_METHODS.namer());
        List<Extension> extensions = r.hasRemaining()
                ? ExtensionsReader.read(r, HandshakeType.SERVER_HELLO, hrr) : List.of();
        r.expectEnd(hrr ? "hello_retry_request" : "server_hello");
        return new ServerHello(version, random, sessionId, suite, compression, extensions, hrr);
    }
}
