package org.tlsscope.tls.registry;

/** Heartbeat Message Types (IANA, RFC 6520 section 3). */
public final class HeartbeatMessageTypes {
    private static final Registry TABLE = Registry.load("heartbeat_message_types.tsv", 2, false);

    private HeartbeatMessageTypes() {
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
