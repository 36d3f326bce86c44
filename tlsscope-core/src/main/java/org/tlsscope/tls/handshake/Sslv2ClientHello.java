package org.tlsscope.tls.handshake;

import java.util.ArrayList;
import java.util.List;
import org.tlsscope.bytes.DecodeException;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.registry.Registries;

/**
 * The SSL 2.0 CLIENT-HELLO that old clients send to reach SSL 3.0 / TLS servers (RFC 5246 appendix E.2,
 * RFC 6101 appendix E). Cipher specs are three bytes; those whose first byte is zero are TLS suites.
 */
public record Sslv2ClientHello(int version, List<Integer> cipherSpecs, Slice sessionId, Slice challenge)
        implements HandshakeMessage {
    @Override
    public int type() {
        return HandshakeType.CLIENT_HELLO;
    }

    @Override
    public String name() {
        return "client_hello";
    }

    /** Parses from the message type byte on; {@code r} covers the record after its two-byte header. */
    static Sslv2ClientHello parse(FieldReader r) {
        r.u8("msg_type", v -> "SSL 2.0 CLIENT-HELLO");
        int version = r.u16("version", Registries.PROTOCOL_VERSIONS.namer());
        int specsAt = r.offset();
        int specsLen = r.u16("cipher_spec_length", v -> v + " bytes, " + v / 3 + " specs");
        if (specsLen % 3 != 0) {
            throw DecodeException.decodeError(specsAt, "cipher_spec_length " + specsLen + " is not a multiple of 3");
        }
        int sidLen = r.u16("session_id_length", v -> v + " bytes");
        int challengeLen = r.u16("challenge_length", v -> v + " bytes");
        int listAt = r.offset();
        FieldReader list = r.sub(specsLen, "cipher_specs");
        List<Integer> specs = new ArrayList<>(specsLen / 3);
        while (list.hasRemaining()) {
            int at = list.offset();
            int spec = list.rawU8() << 16 | list.rawU16();
            specs.add(spec);
            list.add("cipher_spec", at, 3, spec, spec >> 16 == 0
                    ? Registries.CIPHER_SUITES.name(spec) : String.format("SSL 2.0 cipher kind 0x%06x", spec));
        }
        r.group("cipher_specs", listAt, specsLen, null, specs.size() + " cipher specs", list);
        Slice sessionId = r.bytes("session_id", sidLen, null);
        Slice challenge = r.bytes("challenge", challengeLen, null);
        r.expectEnd("SSL 2.0 client hello");
        return new Sslv2ClientHello(version, List.copyOf(specs), sessionId, challenge);
    }
}
