package org.tlsscope.decrypt.cipher;

/** the key block of SSL 3.0 to TLS 1.2, split per direction (RFC 5246 section 6.3). */
public record KeyBlock(TrafficKeys client, TrafficKeys server) {
}
