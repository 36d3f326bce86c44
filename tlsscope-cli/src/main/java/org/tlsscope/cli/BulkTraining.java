package org.tlsscope.cli;

import java.security.GeneralSecurityException;
import org.tlsscope.bytes.Slice;
import org.tlsscope.decrypt.cipher.CipherSpec;
import org.tlsscope.decrypt.cipher.Opening;
import org.tlsscope.decrypt.cipher.RecordCipher;
import org.tlsscope.decrypt.cipher.RecordCiphers;
import org.tlsscope.decrypt.cipher.TrafficKeys;
import org.tlsscope.lab.seal.RecordSealer;

/**
 * Part of the AOT cache's training: full-size records sealed here and opened by the record ciphers, so the
 * cache holds the profiles of the bulk paths at bulk sizes: TLS 1.3 AES-GCM and ChaCha20-Poly1305, and TLS 1.2
 * AES-CBC with HMAC-SHA1 and HMAC-SHA256 (MAC-then-encrypt, RFC 5246 section 6.2.3.2). The shipped sessions
 * carry a few bytes of application data each, too little for the JIT to learn those loops from.
 */
final class BulkTraining {
    private static final int RECORD = 1 << 14;
    private static final int APPLICATION_DATA = 23;

    /** A suite trained, at the version it is used at. */
    private record Suite(int id, int version) {
    }

    private static final Suite[] SUITES = {
            new Suite(0x1301, 0x0304), // TLS_AES_128_GCM_SHA256
            new Suite(0x1302, 0x0304), // TLS_AES_256_GCM_SHA384
            new Suite(0x1303, 0x0304), // TLS_CHACHA20_POLY1305_SHA256
            new Suite(0x0035, 0x0303), // TLS_RSA_WITH_AES_256_CBC_SHA, the post's
            new Suite(0xc027, 0x0303), // TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256
    };

    private BulkTraining() {
    }

    static void run(int records) throws GeneralSecurityException {
        for (Suite suite : SUITES) {
            train(suite, records);
        }
    }

    private static void train(Suite suite, int records) throws GeneralSecurityException {
        CipherSpec spec = ((CipherSpec.Supported) CipherSpec.resolve(suite.id(), suite.version())).spec();
        TrafficKeys keys = RecordSealer.keysFromZeroSecret(spec, suite.version());
        RecordSealer sealer = RecordSealer.create(suite.id(), suite.version(), keys);
        RecordCipher open = RecordCiphers.create(spec, suite.version(), keys, false);
        byte[] content = new byte[RECORD];
        // Half as many per CBC suite, which keeps the training near TrainCommand's two seconds.
        int count = spec.isCbc() ? records / 2 : records;
        for (long seq = 0; seq < count; seq++) {
            Slice record = Slice.of(sealer.seal(seq, APPLICATION_DATA, content));
            opened(open.open(record.u8(0), record.u16(1), record.from(5)));
        }
    }

    /** A record sealed here that does not open would train the failure path: a bug, not a state to profile. */
    private static void opened(Opening opening) throws GeneralSecurityException {
        if (!(opening instanceof Opening.Opened)) {
            throw new GeneralSecurityException("a training record did not open: " + opening);
        }
    }
}
