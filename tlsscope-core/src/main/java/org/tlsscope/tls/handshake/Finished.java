package org.tlsscope.tls.handshake;

import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;

/** Finished (RFC 8446 section 4.4.4, RFC 5246 section 7.4.9): verify_data over the handshake transcript. */
public record Finished(Slice verifyData) implements HandshakeMessage {
    @Override
    public int type() {
        return HandshakeType.FINISHED;
    }

    @Override
    public String name() {
        return "finished";
    }

    static Finished parse(FieldReader r) {
        // The length depends on the suite's PRF (12 bytes in TLS 1.0-1.2, 36 in SSL 3.0, Hash.length in 1.3).
        return new Finished(r.bytes("verify_data", r.remaining(), r.remaining() + " bytes"));
    }
}
