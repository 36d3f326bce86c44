package org.tlsscope.tls.handshake;

import java.util.List;
import org.tlsscope.bytes.DecodeException;
import org.tlsscope.bytes.Field;

/**
 * A handshake message with its annotated fields (offsets relative to the message's first byte). When the
 * body is malformed, {@code message} is an {@link UnknownMessage} holding the body, {@code fields} holds
 * what was read before the fault, and {@code error} says where and why.
 */
public record ParsedMessage(RawMessage raw, HandshakeMessage message, List<Field> fields, DecodeException error) {
    public String name() {
        return message.name();
    }

    public boolean malformed() {
        return error != null;
    }
}
