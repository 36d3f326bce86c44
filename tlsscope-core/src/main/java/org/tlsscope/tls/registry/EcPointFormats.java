package org.tlsscope.tls.registry;

/** TLS EC Point Formats (IANA, RFC 8422 section 5.1.2). */
public final class EcPointFormats {
    private static final Registry TABLE = Registry.load("ec_point_formats.tsv", 2, false);

    private EcPointFormats() {
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
