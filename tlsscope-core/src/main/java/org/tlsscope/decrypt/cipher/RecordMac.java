package org.tlsscope.decrypt.cipher;

import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import org.tlsscope.bytes.Slice;

/**
 * The MAC that ends (MAC-then-encrypt) or follows (RFC 7366 encrypt-then-MAC) a record's data: HMAC
 * over seq_num, type, version, length and data from TLS 1.0 on (RFC 5246 section 6.2.3.1), SSL 3.0's
 * keyed hash over seq_num, type, length and data otherwise (RFC 6101 section 5.2.3.1). One instance
 * per record cipher, reused for every record.
 */
sealed interface RecordMac {
    int length();

    /** Whether {@code data[off, off+len)} of the record with this sequence number, type and version carries the MAC at {@code data[macAt]}. */
    boolean verify(long seq, int type, int version, byte[] data, int off, int len, int macAt);

    /** Whether the first {@code len} bytes of {@code record} carry the MAC that follows them there. */
    default boolean verify(long seq, int type, int version, Slice record, int len) {
        return record.read((data, off, ignored) -> verify(seq, type, version, data, off, len, off + len));
    }

    static RecordMac create(Hash hash, byte[] key, int version) {
        return version == CipherSpec.SSL3 ? new Ssl3Mac(hash, key) : new Hmac(hash, key);
    }

    /** seq_num (uint64), type (uint8), and for TLS the version (uint16), then length (uint16). */
    private static int header(byte[] out, long seq, int type, int version, boolean withVersion, int len) {
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (seq >>> (56 - 8 * i));
        }
        out[8] = (byte) type;
        int at = 9;
        if (withVersion) {
            out[at++] = (byte) (version >> 8);
            out[at++] = (byte) version;
        }
        out[at++] = (byte) (len >> 8);
        out[at++] = (byte) len;
        return at;
    }

    final class Hmac implements RecordMac {
        private final Mac mac;
        private final byte[] header = new byte[13];
        private final byte[] computed;

        Hmac(Hash hash, byte[] key) {
            this.mac = hash.newHmac(key);
            this.computed = new byte[hash.length];
        }

        @Override
        public int length() {
            return computed.length;
        }

        @Override
        public boolean verify(long seq, int type, int version, byte[] data, int off, int len, int macAt) {
            mac.update(header, 0, header(header, seq, type, version, true, len));
            mac.update(data, off, len);
            try {
                mac.doFinal(computed, 0);
            } catch (ShortBufferException e) {
                throw new IllegalStateException(e);
            }
            return Arrays.equals(computed, 0, computed.length, data, macAt, macAt + computed.length);
        }
    }

    /** hash(MAC_write_secret + pad_2 + hash(MAC_write_secret + pad_1 + seq_num + type + length + content)). */
    final class Ssl3Mac implements RecordMac {
        private final MessageDigest digest;
        private final byte[] key;
        private final byte[] pad1;
        private final byte[] pad2;
        private final byte[] header = new byte[11];

        Ssl3Mac(Hash hash, byte[] key) {
            this.digest = hash.newDigest();
            this.key = key.clone();
            this.pad1 = Ssl3.pad(hash, 0x36);
            this.pad2 = Ssl3.pad(hash, 0x5c);
        }

        @Override
        public int length() {
            return digest.getDigestLength();
        }

        @Override
        public boolean verify(long seq, int type, int version, byte[] data, int off, int len, int macAt) {
            digest.update(key);
            digest.update(pad1);
            digest.update(header, 0, header(header, seq, type, version, false, len));
            digest.update(data, off, len);
            byte[] inner = digest.digest();
            digest.update(key);
            digest.update(pad2);
            byte[] computed = digest.digest(inner);
            return Arrays.equals(computed, 0, computed.length, data, macAt, macAt + computed.length);
        }
    }
}
