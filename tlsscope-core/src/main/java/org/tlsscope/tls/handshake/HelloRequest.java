package org.tlsscope.tls.handshake;

/** HelloRequest (RFC 5246 section 7.4.1.1): the server asks the client to renegotiate. */
public record HelloRequest() implements HandshakeMessage {
    @Override
    public int type() {
        return HandshakeType.HELLO_REQUEST;
    }

    @Override
    public String name() {
        return "hello_request";
    }
}
