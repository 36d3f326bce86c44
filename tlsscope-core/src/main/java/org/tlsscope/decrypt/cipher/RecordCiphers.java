package org.tlsscope.decrypt.cipher;

/**
 * The record cipher for a spec, version and direction's keys. Plaintext longer than 2^14 bytes (RFC 5246
 * section 6.2.1, which a peer must answer with record_overflow) is returned as it is: an analyzer shows
 * what was sent, and the record layer reports oversized records already.
 */
public final class RecordCiphers {
    private RecordCiphers() {
    }

    /**
     * @param version        the negotiated version (0x0304 selects TLS 1.3 record protection, RFC 8446 section 5.2)
     * @param encryptThenMac RFC 7366 negotiated (CBC suites only; ignored for the others, section 3)
     * @throws IllegalArgumentException if the keys' lengths are not the spec's (keys from
     *                                  {@link Tls12KeySchedule#keyBlock} and {@link Tls13KeySchedule#trafficKeys} always are)
     */
    public static RecordCipher create(CipherSpec spec, int version, TrafficKeys keys, boolean encryptThenMac) {
        if (version != spec.version()) {
            throw new IllegalArgumentException(spec + " used at version 0x" + Integer.toHexString(version));
        }
        if (keys.key().length != spec.bulk().keyLength() || keys.macKey().length != spec.macLength()
                || keys.iv().length != spec.fixedIvLength()) {
            throw new IllegalArgumentException("keys of " + keys.macKey().length + "/" + keys.key().length + "/"
                    + keys.iv().length + " bytes do not fit " + spec);
        }
        return switch (spec.bulk().family()) {
            case NULL, STREAM -> new StreamCipher(spec, keys);
            case CBC -> new CbcCipher(spec, keys, encryptThenMac);
            case GCM, CCM, CHACHA20_POLY1305 -> version == CipherSpec.TLS13
                    ? new Tls13AeadCipher(spec, keys) : new Tls12AeadCipher(spec, keys);
        };
    }
}
