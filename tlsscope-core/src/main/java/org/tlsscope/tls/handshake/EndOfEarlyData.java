package org.tlsscope.tls.handshake;

/** EndOfEarlyData (RFC 8446 section 4.5): the client ends its 0-RTT data. */
public record EndOfEarlyData() implements HandshakeMessage {
    @Override
    public int type() {
        return HandshakeType.END_OF_EARLY_DATA;
    }

    @Override
    public String name() {
        return "end_of_early_data";
    }
}
