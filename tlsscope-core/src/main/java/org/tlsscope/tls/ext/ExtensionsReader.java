package org.tlsscope.tls.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsscope.bytes.DecodeException;
import org.tlsscope.bytes.Field;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.registry.Registries;

/**
 * Reads an {@code Extension extensions<0..2^16-1>} block (RFC 8446 section 4.2) and decodes each
 * extension in the form its message gives it.
 *
 * <p>Recorded fields: {@code extensions_length}, then a group {@code extensions} holding one group
 * {@code extension} per extension (text: the type's name) whose children are {@code type},
 * {@code length} and the decoded extension_data.
 *
 * <p>Two kinds of damage, two outcomes. If the block's framing is broken (the vector, or an
 * extension's length, runs past the bytes there are), nothing after it can be located, so a
 * {@link DecodeException} (decode_error) is thrown. If only one extension's content is wrong, its length
 * still frames it: it is recorded with a {@code malformed} field, kept as an {@link Opaque} carrying the
 * {@link Malformed} reason, and reading goes on with the next extension.
 */
public final class ExtensionsReader {
    private static final int HEADER = 4;

    private ExtensionsReader() {
    }

    /**
     * @param handshakeType     HandshakeType code of the enclosing message: 1 client_hello, 2 server_hello,
     *                          4 new_session_ticket, 8 encrypted_extensions, 11 certificate (an entry's
     *                          extensions), 13 certificate_request
     * @param helloRetryRequest the server_hello is a HelloRetryRequest
     */
    public static List<Extension> read(FieldReader r, int handshakeType, boolean helloRetryRequest) {
        MessageContext context = new MessageContext(handshakeType, helloRetryRequest);
        int lengthAt = r.offset();
        int length = r.u16("extensions_length", Vectors::bytes);
        if (length > r.remaining()) {
            throw DecodeException.decodeError(lengthAt,
                    "extensions_length " + length + " runs past the " + r.remaining() + " bytes left");
        }
        int listAt = r.offset();
        FieldReader list = r.sub(length, "extensions");
        List<Extension> extensions = new ArrayList<>();
        while (list.hasRemaining()) {
            extensions.add(readExtension(list, context));
        }
        r.group("extensions", listAt, length, null,
                extensions.size() + (extensions.size() == 1 ? " extension" : " extensions"), list);
        return List.copyOf(extensions);
    }

    private static Extension readExtension(FieldReader list, MessageContext context) {
        int at = list.offset();
        if (list.remaining() < HEADER) {
            throw DecodeException.decodeError(at,
                    list.remaining() + " bytes left in extensions, too few for an extension header");
        }
        // A quiet reader reads the header in place: only a recording one groups its fields under their own node.
        FieldReader header = list.recording() ? list.sub(HEADER, "extension header") : list;
        int type = header.u16("type", Registries.EXTENSION_TYPES.describer());
        int length = header.u16("length", Vectors::bytes);
        if (length > list.remaining()) {
            throw DecodeException.decodeError(at + 2, Registries.EXTENSION_TYPES.name(type) + " length " + length
                    + " runs past the " + list.remaining() + " bytes left in extensions");
        }
        int dataAt = list.offset();
        Slice data = list.rawBytes(length, "extension_data");
        FieldReader content = list.over(data, dataAt);
        ExtensionBody body;
        Field malformedField = null;
        try {
            body = ExtensionBodies.read(type, content, context);
            if (content.hasRemaining()) {
                content.expectEnd(Registries.EXTENSION_TYPES.name(type));
            }
        } catch (DecodeException e) {
            Malformed malformed = new Malformed(e.offset(), e.alert(), e.reason());
            malformedField = Field.leaf("malformed", e.offset(), dataAt + length - e.offset(), e.reason(),
                    e.alert() + ": " + e.reason());
            body = new Opaque(data, Optional.of(malformed));
        }
        if (list.recording()) {
            List<Field> children = new ArrayList<>(header.fields());
            children.addAll(content.fields());
            if (malformedField != null) {
                children.add(malformedField);
            }
            list.add(new Field("extension", at, HEADER + length, null, Registries.EXTENSION_TYPES.name(type), children));
        }
        return new Extension(type, at, HEADER + length, data, body);
    }
}
