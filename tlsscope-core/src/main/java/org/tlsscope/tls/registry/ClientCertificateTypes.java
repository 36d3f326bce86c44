package org.tlsscope.tls.registry;

/** TLS ClientCertificateType Identifiers (IANA, RFC 5246 section 7.4.4). */
public final class ClientCertificateTypes {
    private static final Registry TABLE = Registry.load("client_certificate_types.tsv", 2, false);

    private ClientCertificateTypes() {
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
