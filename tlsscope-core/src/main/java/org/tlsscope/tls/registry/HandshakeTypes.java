package org.tlsscope.tls.registry;

/** TLS HandshakeType (IANA "TLS HandshakeType", RFC 8446 section 4). */
public final class HandshakeTypes {
    private static final Registry TABLE = Registry.load("handshake_types.tsv", 2, false);

    private HandshakeTypes() {
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
