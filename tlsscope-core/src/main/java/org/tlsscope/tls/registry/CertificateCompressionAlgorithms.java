package org.tlsscope.tls.registry;

/** TLS Certificate Compression Algorithm IDs (IANA, RFC 8879). */
public final class CertificateCompressionAlgorithms {
    private static final Registry TABLE = Registry.load("certificate_compression_algorithms.tsv", 4, false);

    private CertificateCompressionAlgorithms() {
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
