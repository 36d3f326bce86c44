package org.tlsscope.tls.registry;

/** TLS Supported Groups (IANA), GREASE reserved (RFC 8701). */
public final class NamedGroups {
    private static final Registry TABLE = Registry.load("named_groups.tsv", 4, true);

    private NamedGroups() {
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
