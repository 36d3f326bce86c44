package org.tlsscope.tls.connection;

import org.tlsscope.tcp.Direction;
import org.tlsscope.tls.handshake.ParsedMessage;
import org.tlsscope.tls.record.TlsRecord;

/**
 * Opens the protected records of one connection. The TLS layer calls it as the handshake unfolds; the
 * decryption layer implements it, so the dependency points from decryption to TLS and never back.
 */
public interface RecordDecryptor {
    /**
     * Every handshake message of the connection, plaintext or opened, in the order the streams deliver
     * them: the transcript and the key schedule follow it.
     *
     * @param version     the version negotiated so far (0 before the ServerHello)
     * @param cipherSuite the suite negotiated so far (-1 before the ServerHello)
     */
    void onHandshake(Direction from, ParsedMessage message, int version, int cipherSuite);

    /** A change_cipher_spec (SSL 3.0 to TLS 1.2): the sender's following records use the pending keys. */
    void onChangeCipherSpec(Direction from);

    /** Opens one protected record of {@code from}: plaintext, a failure with its reason, or opaque (no keys). */
    Decrypted open(Direction from, TlsRecord record);

    /** The connection's verdict, asked once, when it ends. */
    DecryptionStatus status();
}
