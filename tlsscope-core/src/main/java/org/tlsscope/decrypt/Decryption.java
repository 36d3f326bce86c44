package org.tlsscope.decrypt;

import org.tlsscope.capture.DecryptionSecrets;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.tcp.TcpConnection;
import org.tlsscope.tls.connection.DecryptorFactory;
import org.tlsscope.tls.connection.RecordDecryptor;

/**
 * The key material of one analysis (key logs, pcapng Decryption Secrets Blocks, RSA private keys) and what
 * the capture teaches on the way (sessions to resume): gives each connection its decryptor.
 */
public final class Decryption implements DecryptorFactory {
    private final KeyLog keyLog;
    private final RsaKeys rsaKeys;
    private final SessionCache sessions = new SessionCache();
    private int secretsBlocks;

    public Decryption(KeyLog keyLog, RsaKeys rsaKeys) {
        this.keyLog = keyLog;
        this.rsaKeys = rsaKeys;
    }

    /** Takes in the key log of a Decryption Secrets Block met in the capture (other secret types are not TLS's). */
    public void add(DecryptionSecrets secrets) {
        if (secrets.secretsType() == DecryptionSecrets.TLS_KEY_LOG) {
            secretsBlocks++;
            keyLog.add("Decryption Secrets Block " + secretsBlocks, secrets.data().toArray());
        }
    }

    public KeyLog keyLog() {
        return keyLog;
    }

    public RsaKeys rsaKeys() {
        return rsaKeys;
    }

    @Override
    public RecordDecryptor forConnection(TcpConnection connection) {
        return new ConnectionDecryptor(connection.id(), keyLog, rsaKeys, sessions);
    }
}
