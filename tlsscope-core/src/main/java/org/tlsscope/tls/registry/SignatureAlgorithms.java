package org.tlsscope.tls.registry;

/** TLS SignatureAlgorithm (IANA, RFC 5246 section 7.4.1.4.1), the TLS 1.2 pair form. */
public final class SignatureAlgorithms {
    private static final Registry TABLE = Registry.load("signature_algorithms.tsv", 2, false);

    private SignatureAlgorithms() {
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
