package org.tlsscope.tls.registry;

/** TLS Compression Method Identifiers (IANA, RFC 3749). */
public final class CompressionMethods {
    private static final Registry TABLE = Registry.load("compression_methods.tsv", 2, false);

    private CompressionMethods() {
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
