package org.tlsscope.tls.ext;

/**
 * The message an extensions block belongs to. Several extensions have one form per message
 * (RFC 8446 section 4.2 lists where each may appear): key_share is a list in a ClientHello, one entry
 * in a ServerHello and a bare group in a HelloRetryRequest.
 *
 * @param handshakeType     HandshakeType code of the enclosing message (RFC 8446 section 4)
 * @param helloRetryRequest a ServerHello that is a HelloRetryRequest (RFC 8446 section 4.1.4)
 */
record MessageContext(int handshakeType, boolean helloRetryRequest) {
    static final int CLIENT_HELLO = 1;
    static final int SERVER_HELLO = 2;
    static final int NEW_SESSION_TICKET = 4;
    static final int ENCRYPTED_EXTENSIONS = 8;
    static final int CERTIFICATE = 11;
    static final int CERTIFICATE_REQUEST = 13;

    boolean clientHello() {
        return handshakeType == CLIENT_HELLO;
    }

    boolean serverHello() {
        return handshakeType == SERVER_HELLO && !helloRetryRequest;
    }

    boolean helloRetry() {
        return handshakeType == SERVER_HELLO && helloRetryRequest;
    }

    boolean is(int type) {
        return handshakeType == type;
    }
}
