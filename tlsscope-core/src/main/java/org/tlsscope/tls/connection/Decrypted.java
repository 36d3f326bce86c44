package org.tlsscope.tls.connection;

import org.tlsscope.bytes.Slice;

/** What became of one protected record. */
public sealed interface Decrypted {
    /** No keys for this record: it stays ciphertext. */
    Decrypted OPAQUE = new Opaque();

    /**
     * @param contentType the real content type (in TLS 1.3 the inner one, RFC 8446 section 5.2)
     * @param plaintext   the record's content, valid during the call that delivers it
     */
    record Opened(int contentType, Slice plaintext) implements Decrypted {
    }

    /** Keys were there but the record did not open: a MAC or tag mismatch, bad padding. */
    record Failed(String reason) implements Decrypted {
    }

    record Opaque() implements Decrypted {
    }
}
