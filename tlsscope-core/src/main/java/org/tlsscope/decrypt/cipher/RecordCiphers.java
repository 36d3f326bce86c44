package org.tlsscope.decrypt.cipher;

/** CONTRACT STUB: the record cipher for a spec, version and direction's keys. */
public final class RecordCiphers {
    private RecordCiphers() {
    }

    /**
     * @param version        the negotiated version (0x0304 selects TLS 1.3 record protection, RFC 8446 section 5.2)
     * @param encryptThenMac RFC 7366 negotiated (CBC suites only)
     */
    public static RecordCipher create(CipherSpec spec, int version, TrafficKeys keys, boolean encryptThenMac) {
        throw new UnsupportedOperationException("stub");
    }
}
