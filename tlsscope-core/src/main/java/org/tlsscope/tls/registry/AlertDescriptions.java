package org.tlsscope.tls.registry;

/** TLS Alerts (IANA "TLS Alerts", RFC 8446 section 6). */
public final class AlertDescriptions {
    private static final Registry TABLE = Registry.load("alert_descriptions.tsv", 2, false);

    private AlertDescriptions() {
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
