package org.tlsscope.decrypt.cipher;

import org.tlsscope.bytes.Slice;

/**
 * opens the protected records of one direction under one set of keys. Stateful: the sequence
 * number (and for SSL 3.0/TLS 1.0 CBC the IV chain, for RC4 the key stream) advance on every call, whether
 * the record opened or not.
 */
public interface RecordCipher {
    /** Opens the next record: its outer content type, record-header version and fragment (ciphertext). */
    Opening open(int contentType, int recordVersion, Slice fragment);
}
