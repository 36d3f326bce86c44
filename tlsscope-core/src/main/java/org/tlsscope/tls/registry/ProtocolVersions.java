package org.tlsscope.tls.registry;

/** Protocol versions on the wire: SSL 2.0 .. TLS 1.3, TLS 1.3 drafts, DTLS; GREASE reserved (RFC 8701). */
public final class ProtocolVersions {
    private static final Registry TABLE = Registry.load("protocol_versions.tsv", 4, true);

    private ProtocolVersions() {
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
