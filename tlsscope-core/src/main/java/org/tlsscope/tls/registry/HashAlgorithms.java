package org.tlsscope.tls.registry;

/** TLS HashAlgorithm (IANA, RFC 5246 section 7.4.1.4.1), the TLS 1.2 pair form. */
public final class HashAlgorithms {
    private static final Registry TABLE = Registry.load("hash_algorithms.tsv", 2, false);

    private HashAlgorithms() {
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
