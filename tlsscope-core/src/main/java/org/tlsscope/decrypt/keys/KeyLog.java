package org.tlsscope.decrypt.keys;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * CONTRACT STUB: secrets from NSS key log files (RFC 9850) and pcapng Decryption Secrets Blocks. Lookups
 * return null when absent and mark the entry used (for the audit of unused keys).
 */
public final class KeyLog {
    /** Reads a key log file; bad lines become {@link #problems()}, never an exception. */
    public void load(Path file) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    /** Adds key log text from elsewhere (a Decryption Secrets Block), named {@code source} in problems. */
    public void add(String source, byte[] content) {
        throw new UnsupportedOperationException("stub");
    }

    public List<KeyLogProblem> problems() {
        throw new UnsupportedOperationException("stub");
    }

    /** Number of usable entries. */
    public int size() {
        throw new UnsupportedOperationException("stub");
    }

    /** CLIENT_RANDOM: the 48-byte master secret, or null. */
    public byte[] masterSecret(byte[] clientRandom) {
        throw new UnsupportedOperationException("stub");
    }

    /** A TLS 1.3 secret by label (CLIENT_HANDSHAKE_TRAFFIC_SECRET, ...), or null. */
    public byte[] secret(String label, byte[] clientRandom) {
        throw new UnsupportedOperationException("stub");
    }

    /** PMS_CLIENT_RANDOM: a pre-master secret, or null. */
    public byte[] preMasterSecret(byte[] clientRandom) {
        throw new UnsupportedOperationException("stub");
    }

    /** The legacy "RSA" label: the pre-master secret for an encrypted one (matched on its first 8 bytes), or null. */
    public byte[] preMasterForEncrypted(byte[] encryptedPreMasterSecret) {
        throw new UnsupportedOperationException("stub");
    }

    /** "RSA Session-ID:... Master-Key:..." lines: the master secret of a session id, or null. */
    public byte[] masterSecretForSessionId(byte[] sessionId) {
        throw new UnsupportedOperationException("stub");
    }

    /** The labels present for a client random (to say which secrets are missing). */
    public Set<String> labels(byte[] clientRandom) {
        throw new UnsupportedOperationException("stub");
    }

    /** Entries never looked up (client randoms not seen in the capture): the audit's "keys never used". */
    public int unused() {
        throw new UnsupportedOperationException("stub");
    }
}
