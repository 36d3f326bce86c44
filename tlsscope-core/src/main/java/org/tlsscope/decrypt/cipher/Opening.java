package org.tlsscope.decrypt.cipher;

import org.tlsscope.bytes.Slice;

/** what opening one protected record gave. */
public sealed interface Opening {
    /** @param contentType the real content type (TLS 1.3: the inner one, padding removed) */
    record Opened(int contentType, Slice plaintext) implements Opening {
    }

    /** @param reason a short plain phrase: "bad record MAC", "AEAD tag mismatch", "bad padding", "record too short" */
    record Failed(String reason) implements Opening {
    }
}
