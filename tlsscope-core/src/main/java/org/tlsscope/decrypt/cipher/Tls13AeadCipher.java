package org.tlsscope.decrypt.cipher;

import org.tlsscope.bytes.Slice;

/**
 * TLS 1.3 records (RFC 8446 section 5.2): nonce = write_iv XOR sequence number (section 5.3),
 * additional_data = the record header as sent (opaque_type, legacy_record_version, length), and the
 * plaintext is TLSInnerPlaintext: content, the real content type, then zero padding (section 5.4).
 */
final class Tls13AeadCipher implements RecordCipher {
    private final Aead aead;
    private final byte[] iv;
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[5];
    private long seq;

    Tls13AeadCipher(CipherSpec spec, TrafficKeys keys) {
        this.aead = new Aead(spec.bulk(), keys.key());
        this.iv = keys.iv().clone();
    }

    @Override
    public Opening open(int contentType, int recordVersion, Slice fragment) {
        long n = seq++;
        if (fragment.length() < aead.tagLength()) {
            return new Opening.Failed("record too short");
        }
        Aead.xorSequence(iv, n, nonce);
        aad[0] = (byte) contentType;
        aad[1] = (byte) (recordVersion >> 8);
        aad[2] = (byte) recordVersion;
        aad[3] = (byte) (fragment.length() >> 8);
        aad[4] = (byte) fragment.length();
        byte[] buf = aead.open(nonce, aad, fragment);
        if (buf == null) {
            return new Opening.Failed("AEAD tag mismatch");
        }
        int type = buf.length - 1;
        while (type >= 0 && buf[type] == 0) {
            type--;
        }
        if (type < 0) {
            return new Opening.Failed("no content type in TLSInnerPlaintext");
        }
        return new Opening.Opened(buf[type] & 0xff, Slice.of(buf, 0, type));
    }
}
