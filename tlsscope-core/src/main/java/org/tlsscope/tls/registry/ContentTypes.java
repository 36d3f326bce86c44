package org.tlsscope.tls.registry;

/** TLS ContentType (IANA "TLS ContentType", RFC 8446 section 5.1). */
public final class ContentTypes {
    private static final Registry TABLE = Registry.load("content_types.tsv", 2, false);

    private ContentTypes() {
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
