package org.tlsscope.tls.handshake;

import java.util.List;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.ext.ExtensionsReader;

/** EncryptedExtensions (RFC 8446 section 4.3.1): the server's extensions that need no key exchange context. */
public record EncryptedExtensions(List<Extension> extensions) implements HandshakeMessage {
    @Override
    public int type() {
        return HandshakeType.ENCRYPTED_EXTENSIONS;
    }

    @Override
    public String name() {
        return "encrypted_extensions";
    }

    static EncryptedExtensions parse(FieldReader r) {
        List<Extension> extensions = ExtensionsReader.read(r, HandshakeType.ENCRYPTED_EXTENSIONS, false);
        r.expectEnd("encrypted_extensions");
        return new EncryptedExtensions(extensions);
    }
}
