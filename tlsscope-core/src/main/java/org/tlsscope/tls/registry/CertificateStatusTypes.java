package org.tlsscope.tls.registry;

/** TLS Certificate Status Types (IANA, RFC 6066 section 8, RFC 6961). */
public final class CertificateStatusTypes {
    private static final Registry TABLE = Registry.load("certificate_status_types.tsv", 2, false);

    private CertificateStatusTypes() {
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
