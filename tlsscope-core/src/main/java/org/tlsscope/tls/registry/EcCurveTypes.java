package org.tlsscope.tls.registry;

/** TLS EC Curve Types (IANA, RFC 8422 section 5.4). */
public final class EcCurveTypes {
    private static final Registry TABLE = Registry.load("ec_curve_types.tsv", 2, false);

    private EcCurveTypes() {
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
