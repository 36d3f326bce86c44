package org.tlsscope.tls.handshake;

/**
 * A dissected handshake message: one record type per RFC structure, so a reader can hold the code and
 * the RFC side by side. Bytes the dissector does not interpret stay slices of the input.
 */
public sealed interface HandshakeMessage permits HelloRequest, ClientHello, Sslv2ClientHello, ServerHello,
        NewSessionTicket, EndOfEarlyData, EncryptedExtensions, Certificate, ServerKeyExchange, CertificateRequest,
        ServerHelloDone, CertificateVerify, ClientKeyExchange, Finished, CertificateStatus, KeyUpdate,
        UnknownMessage {
    /** msg_type on the wire. */
    int type();

    /** The RFC's snake_case name ("client_hello", "hello_retry_request"), as the JSON contract spells it. */
    String name();
}
