package org.tlsscope.decrypt.cipher;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.tlsscope.bytes.Slice;

/**
 * Stream ciphers and the NULL cipher (RFC 5246 section 6.2.3.1): the fragment is content then MAC,
 * encrypted as a whole by RC4 (whose key stream runs on across the records of a direction) or not at
 * all.
 */
final class StreamCipher implements RecordCipher {
    /** RC4 initialised once for the whole direction; null for the NULL cipher. */
    private final Cipher keyStream;
    private final RecordMac mac;
    private long seq;

    StreamCipher(CipherSpec spec, TrafficKeys keys) {
        Bulk bulk = spec.bulk();
        this.mac = RecordMac.create(spec.mac(), keys.macKey(), spec.version());
        if (bulk.family() == Bulk.Family.NULL) {
            this.keyStream = null;
            return;
        }
        this.keyStream = bulk.newCipher();
        try {
            keyStream.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys.key(), bulk.keyAlgorithm()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(spec.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Opening open(int contentType, int recordVersion, Slice fragment) {
        long n = seq++;
        Slice plain = fragment;
        if (keyStream != null) {
            // Decrypt before any length check: the key stream must advance by the whole record either way.
            byte[] buf = new byte[fragment.length()];
            try {
                fragment.read((in, off, len) -> keyStream.update(in, off, len, buf, 0));
            } catch (GeneralSecurityException e) {
                return new Opening.Failed("cannot decrypt: " + e.getMessage());
            }
            plain = Slice.of(buf);
        }
        int contentLength = plain.length() - mac.length();
        if (contentLength < 0) {
            return new Opening.Failed("record too short");
        }
        if (!mac.verify(n, contentType, recordVersion, plain, contentLength)) {
            return new Opening.Failed("bad record MAC");
        }
        return new Opening.Opened(contentType, plain.slice(0, contentLength));
    }
}
