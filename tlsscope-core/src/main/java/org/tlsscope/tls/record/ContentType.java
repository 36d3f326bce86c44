package org.tlsscope.tls.record;

/** ContentType code points (RFC 8446 section 5.1, RFC 6520 for heartbeat). */
public final class ContentType {
    public static final int CHANGE_CIPHER_SPEC = 20;
    public static final int ALERT = 21;
    public static final int HANDSHAKE = 22;
    public static final int APPLICATION_DATA = 23;
    public static final int HEARTBEAT = 24;

    private ContentType() {
    }

    public static boolean isKnown(int type) {
        return type >= CHANGE_CIPHER_SPEC && type <= HEARTBEAT;
    }
}
