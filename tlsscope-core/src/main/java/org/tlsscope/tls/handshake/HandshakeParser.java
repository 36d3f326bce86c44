package org.tlsscope.tls.handshake;

import java.util.ArrayList;
import java.util.List;
import org.tlsscope.bytes.DecodeException;
import org.tlsscope.bytes.Field;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.registry.Registries;

/** Dissects one complete handshake message, dispatching on msg_type (RFC 8446 section 4). */
public final class HandshakeParser {
    private HandshakeParser() {
    }

    public static ParsedMessage parse(RawMessage raw, DissectionContext ctx) {
        return parse(raw, ctx, true);
    }

    /** With {@code withFields} false, the message is dissected and checked but no field tree is built. */
    public static ParsedMessage parse(RawMessage raw, DissectionContext ctx, boolean withFields) {
        FieldReader header = withFields ? new FieldReader(raw.bytes(), 0) : FieldReader.quiet(raw.bytes(), 0);
        int type = header.u8("msg_type", Registries.HANDSHAKE_TYPES.namer());
        int length = header.u24("length", v -> v + " bytes");
        FieldReader body = header.sub(length, "body");
        try {
            HandshakeMessage message = dissect(type, body, ctx);
            return new ParsedMessage(raw, message, join(header, body, message), null);
        } catch (DecodeException e) {
            return new ParsedMessage(raw, new UnknownMessage(type, raw.body()), join(header, body, null), e);
        }
    }

    /** SSL 2.0-compatible ClientHello: {@code record} is the whole SSL 2.0 record, two-byte header included. */
    public static ParsedMessage parseSslv2(Slice record, boolean withFields) {
        RawMessage raw = new RawMessage(HandshakeType.CLIENT_HELLO, record, 0, 1);
        FieldReader r = withFields ? new FieldReader(record, 0) : FieldReader.quiet(record, 0);
        try {
            r.u16("msg_length", v -> (v & 0x7fff) + " bytes (SSL 2.0 two-byte header, high bit set)");
            return new ParsedMessage(raw, Sslv2ClientHello.parse(r), r.fields(), null);
        } catch (DecodeException e) {
            return new ParsedMessage(raw, new UnknownMessage(HandshakeType.CLIENT_HELLO,
                    record.length() > 2 ? record.from(2) : Slice.EMPTY), r.fields(), e);
        }
    }

    private static HandshakeMessage dissect(int type, FieldReader r, DissectionContext ctx) {
        return switch (type) {
            case HandshakeType.HELLO_REQUEST -> empty(r, "hello_request", new HelloRequest());
            case HandshakeType.CLIENT_HELLO -> ClientHello.parse(r);
            case HandshakeType.SERVER_HELLO -> ServerHello.parse(r);
            case HandshakeType.NEW_SESSION_TICKET -> NewSessionTicket.parse(r, ctx);
            case HandshakeType.END_OF_EARLY_DATA -> empty(r, "end_of_early_data", new EndOfEarlyData());
            case HandshakeType.ENCRYPTED_EXTENSIONS -> EncryptedExtensions.parse(r);
            case HandshakeType.CERTIFICATE -> Certificate.parse(r, ctx);
            case HandshakeType.SERVER_KEY_EXCHANGE -> ServerKeyExchange.parse(r, ctx);
            case HandshakeType.CERTIFICATE_REQUEST -> CertificateRequest.parse(r, ctx);
            case HandshakeType.SERVER_HELLO_DONE -> empty(r, "server_hello_done", new ServerHelloDone());
            case HandshakeType.CERTIFICATE_VERIFY -> CertificateVerify.parse(r, ctx);
            case HandshakeType.CLIENT_KEY_EXCHANGE -> ClientKeyExchange.parse(r, ctx);
            case HandshakeType.FINISHED -> Finished.parse(r);
            case HandshakeType.CERTIFICATE_STATUS -> CertificateStatus.parse(r);
            case HandshakeType.KEY_UPDATE -> KeyUpdate.parse(r);
            default -> new UnknownMessage(type, r.bytes("body", r.remaining(), null));
        };
    }

    private static HandshakeMessage empty(FieldReader r, String name, HandshakeMessage message) {
        r.expectEnd(name);
        return message;
    }

    private static List<Field> join(FieldReader header, FieldReader body, HandshakeMessage message) {
        List<Field> fields = new ArrayList<>(header.fields());
        if (message instanceof ServerHello sh && sh.helloRetryRequest() && !fields.isEmpty()) {
            // RFC 8446 section 4.1.4: same msg_type as server_hello; say what it really is.
            Field t = fields.getFirst();
            fields.set(0, Field.leaf(t.name(), t.offset(), t.length(), t.value(), "hello_retry_request (server_hello)"));
        }
        fields.addAll(body.fields());
        return fields;
    }
}
