package org.tlsscope.lab.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tlsscope.bytes.Slice;
import org.tlsscope.decrypt.cipher.CipherSpec;
import org.tlsscope.decrypt.cipher.Opening;
import org.tlsscope.decrypt.cipher.RecordCipher;
import org.tlsscope.decrypt.cipher.RecordCiphers;
import org.tlsscope.decrypt.cipher.TrafficKeys;

/** Records sealed here open in the core's record ciphers (checked against RFC 8448 and tshark), in order only. */
class RecordSealerTest {
    private static final int[] LENGTHS = {0, 1, 1 << 14};

    @ParameterizedTest(name = "0x{0} at 0x{1}")
    @CsvSource({
            "1301, 0304", "1302, 0304", "1303, 0304",
            "c02f, 0303", "c030, 0303", "cca8, 0303",
            "0035, 0303", "c027, 0303", "c028, 0303", "002f, 0302",
    })
    void sealedRecordsOpenInTheCoreWithTheirTypeAndContent(String suiteHex, String versionHex) {
        int suite = Integer.parseInt(suiteHex, 16);
        int version = Integer.parseInt(versionHex, 16);
        CipherSpec spec = ((CipherSpec.Supported) CipherSpec.resolve(suite, version)).spec();
        TrafficKeys keys = RecordSealer.keysFromZeroSecret(spec, version);
        RecordSealer sealer = RecordSealer.create(suite, version, keys);
        RecordCipher cipher = RecordCiphers.create(spec, version, keys, false);
        Random random = new Random(suite);
        for (int seq = 0; seq < LENGTHS.length; seq++) {
            byte[] content = new byte[LENGTHS[seq]];
            random.nextBytes(content);
            int type = seq == 0 ? 21 : 23; // an alert-typed record too: the type must survive, inside or outside
            Slice record = Slice.of(sealer.seal(seq, type, content));
            assertThat(record.u16(3)).isEqualTo(record.length() - 5);
            Opening opening = cipher.open(record.u8(0), record.u16(1), record.from(5));
            assertThat(opening).isInstanceOf(Opening.Opened.class);
            Opening.Opened opened = (Opening.Opened) opening;
            assertThat(opened.contentType()).isEqualTo(type);
            assertThat(opened.plaintext().toArray()).isEqualTo(content);
        }
    }

    @ParameterizedTest(name = "0x{0} at 0x{1}")
    @CsvSource({"1301, 0304", "c02f, 0303", "c027, 0303"})
    void aRecordSealedUnderAnotherSequenceNumberDoesNotOpen(String suiteHex, String versionHex) {
        int suite = Integer.parseInt(suiteHex, 16);
        int version = Integer.parseInt(versionHex, 16);
        CipherSpec spec = ((CipherSpec.Supported) CipherSpec.resolve(suite, version)).spec();
        TrafficKeys keys = RecordSealer.keysFromZeroSecret(spec, version);
        Slice record = Slice.of(RecordSealer.create(suite, version, keys).seal(1, 23, new byte[100]));
        Opening opening = RecordCiphers.create(spec, version, keys, false).open(record.u8(0), record.u16(1), record.from(5));
        assertThat(opening).isInstanceOf(Opening.Failed.class);
    }

    @ParameterizedTest(name = "0x{0} at 0x{1}")
    @CsvSource({
            "c09c, 0303", // AES_128_CCM: not a JDK cipher
            "000a, 0303", // 3DES_EDE_CBC
            "002f, 0301", // TLS 1.0 chains its CBC IVs across records
            "1301, 0303", // a TLS 1.3 suite below TLS 1.3
            "c02f, 0304", // a TLS 1.2 suite at TLS 1.3
    })
    void suitesAndVersionsItDoesNotSealAreRefused(String suiteHex, String versionHex) {
        int suite = Integer.parseInt(suiteHex, 16);
        int version = Integer.parseInt(versionHex, 16);
        TrafficKeys keys = new TrafficKeys(new byte[20], new byte[16], new byte[4]);
        assertThatThrownBy(() -> RecordSealer.create(suite, version, keys))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not sealed here");
    }
}
