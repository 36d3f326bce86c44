package org.tlsscope.tls.registry;

/** TLS Cipher Suites (IANA), including SSL-era values and the signalling values 0x00FF and 0x5600; GREASE reserved (RFC 8701). */
public final class CipherSuites {
    private static final Registry TABLE = Registry.load("cipher_suites.tsv", 4, true);

    private CipherSuites() {
    }

    public static Registry registry() {
        return TABLE;
    }

    public static String name(int value) {
        return TABLE.name(value);
    }

    public static String describe(int value) {
        return TABLE.describe(value);
    }
}
