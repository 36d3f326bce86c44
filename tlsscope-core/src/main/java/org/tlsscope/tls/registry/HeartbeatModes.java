package org.tlsscope.tls.registry;

/** Heartbeat Modes (IANA, RFC 6520 section 2). */
public final class HeartbeatModes {
    private static final Registry TABLE = Registry.load("heartbeat_modes.tsv", 2, false);

    private HeartbeatModes() {
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
