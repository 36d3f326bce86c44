package org.tlsscope.tls.registry;

/** TLS ExtensionType Values (IANA), GREASE reserved (RFC 8701). */
public final class ExtensionTypes {
    private static final Registry TABLE = Registry.load("extension_types.tsv", 4, true);

    private ExtensionTypes() {
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
