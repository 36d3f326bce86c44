package org.tlsscope.tls.handshake;

/** ServerHelloDone (RFC 5246 section 7.4.5): the end of the server's hello flight. */
public record ServerHelloDone() implements HandshakeMessage {
    @Override
    public int type() {
        return HandshakeType.SERVER_HELLO_DONE;
    }

    @Override
    public String name() {
        return "server_hello_done";
    }
}
