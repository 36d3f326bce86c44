package org.tlsscope.decrypt;

/**
 * Secrets found for one handshake, or why none were: every lookup returns one of these so the reason a
 * connection stays opaque reaches the user in plain words.
 */
sealed interface KeyMaterial {
    /** @param source where the secret came from, as the user should read it */
    record Found(byte[] secret, String source) implements KeyMaterial {
    }

    record Missing(String reason) implements KeyMaterial {
    }
}
