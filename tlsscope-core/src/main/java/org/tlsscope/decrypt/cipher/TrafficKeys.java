package org.tlsscope.decrypt.cipher;

/**
 * the keys protecting one direction: MAC key (empty for AEAD and TLS 1.3), cipher key, and IV
 * (the CBC IV for SSL 3.0/TLS 1.0, the fixed/implicit nonce part for AEAD, empty otherwise).
 */
public record TrafficKeys(byte[] macKey, byte[] key, byte[] iv) {
}
