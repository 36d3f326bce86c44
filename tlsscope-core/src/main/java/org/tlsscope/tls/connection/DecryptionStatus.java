package org.tlsscope.tls.connection;

/**
 * Whether and how a connection was decrypted, and what was verified.
 *
 * @param decrypted              records were opened with verified keys
 * @param reason                 why decryption failed or stopped, in plain words; null when all went well
 * @param keySource              where the keys came from ("key log (CLIENT_RANDOM)", "RSA private key",
 *                               "session resumed from connection 3"), or null
 * @param recordsOpened          protected records opened
 * @param recordsFailed          protected records that did not open with the keys held
 * @param clientFinished         the client's Finished verify_data against the transcript
 * @param serverFinished         the server's
 * @param clientPlaintextBytes   application data plaintext bytes sent by the client
 * @param serverPlaintextBytes   same, from the server
 */
public record DecryptionStatus(boolean decrypted, String reason, String keySource, int recordsOpened,
                               int recordsFailed, Verification clientFinished, Verification serverFinished,
                               long clientPlaintextBytes, long serverPlaintextBytes) {
    /** A Finished message's check. */
    public enum Verification {
        /** verify_data equals the value recomputed from the transcript. */
        VERIFIED,
        /** It differs: the keys or the transcript are wrong. */
        MISMATCH,
        /** The Finished was not read (not captured, not decrypted). */
        NOT_SEEN;

        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
