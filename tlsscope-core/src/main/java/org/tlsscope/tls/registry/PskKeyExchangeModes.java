package org.tlsscope.tls.registry;

/** TLS PskKeyExchangeMode (IANA, RFC 8446 section 4.2.9). */
public final class PskKeyExchangeModes {
    private static final Registry TABLE = Registry.load("psk_key_exchange_modes.tsv", 2, false);

    private PskKeyExchangeModes() {
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
