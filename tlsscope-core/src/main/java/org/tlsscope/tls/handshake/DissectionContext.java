package org.tlsscope.tls.handshake;

/**
 * What the dissector must know of the connection to read messages whose layout depends on it: the
 * negotiated version (Certificate, CertificateRequest, NewSessionTicket and CertificateVerify changed
 * form in TLS 1.2 and 1.3) and the cipher suite (ServerKeyExchange and ClientKeyExchange carry the
 * parameters of its key exchange, RFC 5246 section 7.4.3).
 *
 * @param version     negotiated version (0x0300 .. 0x0304), or 0 before the ServerHello
 * @param cipherSuite negotiated cipher suite, or -1 before the ServerHello
 */
public record DissectionContext(int version, int cipherSuite) {
    public static final DissectionContext INITIAL = new DissectionContext(0, -1);

    /** TLS 1.3 or one of its drafts (0x7f00 + n, RFC 8446 appendix D). */
    public boolean tls13() {
        return version == 0x0304 || (version >> 8) == 0x7f;
    }

    /** TLS 1.2 added the algorithm fields to signatures and certificate requests (RFC 5246 section 7.4). */
    public boolean hasSignatureAlgorithms() {
        return version >= 0x0303;
    }

    /** SSL 3.0 sends the RSA-encrypted premaster without a length prefix (RFC 6101 section 5.6.7.1). */
    public boolean ssl3() {
        return version == 0x0300;
    }
}
