package org.tlsscope.lab.keylog;

import java.io.IOException;
import java.util.function.Consumer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.crypto.TlsCipher;
import org.bouncycastle.tls.crypto.TlsDecodeResult;
import org.bouncycastle.tls.crypto.TlsEncodeResult;

/**
 * A record cipher that reports TLS 1.3 key updates (RFC 8446 section 4.6.3). BC 1.84 tells its peer
 * nothing when a KeyUpdate arrives or when it sends one (in reply to update_requested, or when a key
 * nears its record limit); its record layer then rekeys the cipher, and that call is the one sign.
 * Everything else goes to the wrapped cipher.
 */
final class KeyUpdateWatch implements TlsCipher {
    private final TlsCipher cipher;
    private final Consumer<String> events;

    KeyUpdateWatch(TlsCipher cipher, Consumer<String> events) {
        this.cipher = cipher;
        this.events = events;
    }

    @Override
    public void rekeyDecoder() throws IOException {
        cipher.rekeyDecoder();
        events.accept("KeyUpdate received: the peer's next traffic secret is in use");
    }

    @Override
    public void rekeyEncoder() throws IOException {
        cipher.rekeyEncoder();
        events.accept("KeyUpdate sent: our next traffic secret is in use");
    }

    @Override
    public int getCiphertextDecodeLimit(int plaintextLimit) {
        return cipher.getCiphertextDecodeLimit(plaintextLimit);
    }

    @Override
    public int getCiphertextEncodeLimit(int plaintextLimit) {
        return cipher.getCiphertextEncodeLimit(plaintextLimit);
    }

    @Override
    public int getPlaintextDecodeLimit(int ciphertextLimit) {
        return cipher.getPlaintextDecodeLimit(ciphertextLimit);
    }

    @Override
    public int getPlaintextEncodeLimit(int ciphertextLimit) {
        return cipher.getPlaintextEncodeLimit(ciphertextLimit);
    }

    @Override
    public TlsEncodeResult encodePlaintext(long seqNo, short contentType, ProtocolVersion recordVersion, int headerAllocation,
                                           byte[] plaintext, int offset, int len) throws IOException {
        return cipher.encodePlaintext(seqNo, contentType, recordVersion, headerAllocation, plaintext, offset, len);
    }

    @Override
    public TlsDecodeResult decodeCiphertext(long seqNo, short recordType, ProtocolVersion recordVersion, byte[] ciphertext,
                                           int offset, int len) throws IOException {
        return cipher.decodeCiphertext(seqNo, recordType, recordVersion, ciphertext, offset, len);
    }

    @Override
    public boolean usesOpaqueRecordTypeDecode() {
        return cipher.usesOpaqueRecordTypeDecode();
    }

    @Override
    public boolean usesOpaqueRecordTypeEncode() {
        return cipher.usesOpaqueRecordTypeEncode();
    }
}
