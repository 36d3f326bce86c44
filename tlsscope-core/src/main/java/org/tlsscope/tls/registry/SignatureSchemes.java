package org.tlsscope.tls.registry;

/** TLS SignatureScheme (IANA, RFC 8446 section 4.2.3), GREASE reserved (RFC 8701). */
public final class SignatureSchemes {
    private static final Registry TABLE = Registry.load("signature_schemes.tsv", 4, true);

    private SignatureSchemes() {
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
