package org.tlsscope.tls.handshake;

/** HandshakeType code points the dissector dispatches on (RFC 8446 section 4, RFC 5246 section 7.4, RFC 6066). */
public final class HandshakeType {
    public static final int HELLO_REQUEST = 0;
    public static final int CLIENT_HELLO = 1;
    public static final int SERVER_HELLO = 2;
    public static final int HELLO_VERIFY_REQUEST = 3;
    public static final int NEW_SESSION_TICKET = 4;
    public static final int END_OF_EARLY_DATA = 5;
    public static final int ENCRYPTED_EXTENSIONS = 8;
    public static final int CERTIFICATE = 11;
    public static final int SERVER_KEY_EXCHANGE = 12;
    public static final int CERTIFICATE_REQUEST = 13;
    public static final int SERVER_HELLO_DONE = 14;
    public static final int CERTIFICATE_VERIFY = 15;
    public static final int CLIENT_KEY_EXCHANGE = 16;
    public static final int FINISHED = 20;
    public static final int CERTIFICATE_URL = 21;
    public static final int CERTIFICATE_STATUS = 22;
    public static final int SUPPLEMENTAL_DATA = 23;
    public static final int KEY_UPDATE = 24;
    public static final int COMPRESSED_CERTIFICATE = 25;
    public static final int MESSAGE_HASH = 254;

    private HandshakeType() {
    }
}
