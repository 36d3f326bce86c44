package org.tlsscope.capture;

import org.tlsscope.bytes.Slice;

/**
 * A pcapng Decryption Secrets Block (pcapng spec section 4.7): its secrets type (0x544c534b for a TLS
 * key log) and the secrets bytes, copied out of the block since they outlive it.
 */
public record DecryptionSecrets(long secretsType, Slice data) {
    public static final long TLS_KEY_LOG = 0x544c534bL;
}
