package org.tlsscope.decrypt.cipher;

import org.tlsscope.bytes.Slice;

/**
 * CONTRACT STUB: the running handshake transcript (every handshake message, header included, in the order
 * sent), kept as running digests (MD5, SHA-1, SHA-256, SHA-384), not as bytes, so its memory is constant.
 */
public final class Transcript {
    /** Adds one whole handshake message (4-byte header and body). */
    public void add(Slice message) {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * After a HelloRetryRequest the first ClientHello is replaced by a message_hash message holding its
     * hash (RFC 8446 section 4.4.1). Call when the HelloRetryRequest arrives, before adding it.
     */
    public void restartForHelloRetryRequest() {
        throw new UnsupportedOperationException("stub");
    }

    /** The session_hash of RFC 7627 section 3: the hash of the transcript so far, as the PRF of spec/version uses it. */
    public byte[] sessionHash(CipherSpec spec, int version) {
        throw new UnsupportedOperationException("stub");
    }
}
