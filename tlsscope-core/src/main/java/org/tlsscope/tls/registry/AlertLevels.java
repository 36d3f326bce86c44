package org.tlsscope.tls.registry;

/** AlertLevel: warning(1), fatal(2) (RFC 5246 section 7.2). */
public final class AlertLevels {
    private static final Registry TABLE = Registry.load("alert_levels.tsv", 2, false);

    private AlertLevels() {
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
