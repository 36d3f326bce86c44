package org.tlsscope.decrypt.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tlsscope.bytes.Slice;

/**
 * Record protection edge cases on records sealed here with the JDK's own AES and HMAC (independently of
 * the code under test): padding rules, the TLS 1.0 IV chain across a failed record, TLS 1.3 inner
 * plaintext padding, and malformed fragments of every length for every family.
 */
class RecordCiphersTest {
    private static final byte[] KEY = filled(16, 0x11);
    private static final byte[] MAC_KEY = filled(20, 0x22);
    private static final byte[] IV = filled(16, 0x33);

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    /** TLS_RSA_WITH_AES_128_CBC_SHA MAC-then-encrypt: content, HMAC-SHA1, then the given padding bytes. */
    private static byte[] sealCbc(long seq, int version, byte[] content, byte[] padding, byte[] iv) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(MAC_KEY, "HmacSHA1"));
        byte[] header = new byte[13];
        for (int i = 0; i < 8; i++) {
            header[i] = (byte) (seq >>> (56 - 8 * i));
        }
        header[8] = 23;
        header[9] = (byte) (version >> 8);
        header[10] = (byte) version;
        header[11] = (byte) (content.length >> 8);
        header[12] = (byte) content.length;
        mac.update(header);
        byte[] plain = Prf.concat(content, mac.doFinal(content), padding);
        Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new IvParameterSpec(iv));
        return aes.doFinal(plain);
    }

    private static RecordCipher cbc(int version) {
        CipherSpec spec = CipherSpecTest.supported(0x002f, version);
        byte[] iv = version <= 0x0301 ? IV : new byte[0];
        return RecordCiphers.create(spec, version, new TrafficKeys(MAC_KEY, KEY, iv), false);
    }

    private static Opening open(RecordCipher c, int version, byte[] fragment) {
        return c.open(23, version, Slice.of(fragment));
    }

    private static String text(Opening o) {
        assertThat(o).isInstanceOf(Opening.Opened.class);
        return new String(((Opening.Opened) o).plaintext().toArray());
    }

    @Test
    void tls12CbcChecksEveryPaddingByte() throws Exception {
        byte[] content = "hello".getBytes();
        // 5 + 20 = 25 bytes: 7 bytes of padding value 6 fill two blocks.
        byte[] good = Prf.concat(IV, sealCbc(0, 0x0303, content, filled(7, 6), IV));
        byte[] bad = filled(7, 6);
        bad[2] = 5;
        RecordCipher c = cbc(0x0303);
        assertThat(text(open(c, 0x0303, good))).isEqualTo("hello");
        assertThat(open(c, 0x0303, Prf.concat(IV, sealCbc(1, 0x0303, content, bad, IV))))
                .isEqualTo(new Opening.Failed("bad padding"));
        assertThat(open(c, 0x0303, Prf.concat(IV, sealCbc(2, 0x0303, content, filled(7, 6), IV)))).isInstanceOf(Opening.Opened.class);
        // A replayed record under a later sequence number no longer authenticates.
        assertThat(open(c, 0x0303, good)).isEqualTo(new Opening.Failed("bad record MAC"));
    }

    @Test
    void tls10IvChainContinuesPastAFailedRecord() throws Exception {
        byte[] first = sealCbc(0, 0x0301, "first".getBytes(), filled(7, 6), IV);
        byte[] second = sealCbc(1, 0x0301, "second".getBytes(), filled(6, 5), Arrays.copyOfRange(first, 16, 32));
        first[0] ^= 1; // spoils the first block only: the record fails, its last block still chains
        RecordCipher c = cbc(0x0301);
        assertThat(open(c, 0x0301, first)).isInstanceOf(Opening.Failed.class);
        assertThat(text(open(c, 0x0301, second))).isEqualTo("second");
    }

    @ParameterizedTest
    @CsvSource({"0x1301, 16", "0x1302, 32", "0x1303, 32", "0x1304, 16", "0x1305, 16"})
    void tls13StripsPaddingAndNeedsAContentType(String suite, int keyLength) throws Exception {
        CipherSpec spec = CipherSpecTest.supported(Integer.decode(suite), 0x0304);
        TrafficKeys keys = new TrafficKeys(new byte[0], filled(keyLength, 0x44), filled(12, 0x55));
        RecordCipher c = RecordCiphers.create(spec, 0x0304, keys, false);
        byte[] padded = Prf.concat("abc".getBytes(), new byte[] {21}, new byte[10]);
        Opening o = c.open(23, 0x0303, Slice.of(seal13(spec, keys, 0, padded)));
        assertThat(o).isInstanceOf(Opening.Opened.class);
        assertThat(((Opening.Opened) o).contentType()).isEqualTo(21);
        assertThat(text(o)).isEqualTo("abc");
        assertThat(c.open(23, 0x0303, Slice.of(seal13(spec, keys, 1, new byte[7]))))
                .isEqualTo(new Opening.Failed("no content type in TLSInnerPlaintext"));
    }

    /** Seals a TLS 1.3 record body with the JDK (CCM with Bouncy Castle), nonce = iv XOR seq. */
    private static byte[] seal13(CipherSpec spec, TrafficKeys keys, long seq, byte[] inner) throws Exception {
        byte[] nonce = keys.iv().clone();
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] ^= (byte) (seq >>> (8 * i));
        }
        int length = inner.length + spec.bulk().tagLength();
        Cipher cipher = Cipher.getInstance(spec.bulk().transformation(), spec.bulk().provider());
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.key(), spec.bulk().keyAlgorithm()),
                spec.bulk().transformation().startsWith("ChaCha20") ? new IvParameterSpec(nonce)
                        : new GCMParameterSpec(8 * spec.bulk().tagLength(), nonce));
        cipher.updateAAD(new byte[] {23, 3, 3, (byte) (length >> 8), (byte) length});
        return cipher.doFinal(inner);
    }

    /** suite, version: one spec per family and record layout. */
    @ParameterizedTest
    @CsvSource({"0x002f, 0x0300", "0x002f, 0x0301", "0x002f, 0x0302", "0x003c, 0x0303", "0x0005, 0x0300",
            "0x0004, 0x0301", "0x0002, 0x0303", "0x003b, 0x0303", "0xc02f, 0x0303", "0xc09c, 0x0303", "0xc0a0, 0x0303",
            "0xcca8, 0x0303", "0xc061, 0x0303", "0x1301, 0x0304", "0x1303, 0x0304", "0x1305, 0x0304",
            "0x0003, 0x0301", "0x0006, 0x0300", "0x0006, 0x0303", "0x0008, 0x0301"})
    void malformedFragmentsOfAnyLengthFailPlainly(String suite, String version) {
        int v = Integer.decode(version);
        CipherSpec spec = CipherSpecTest.supported(Integer.decode(suite), v);
        TrafficKeys keys = new TrafficKeys(filled(spec.macLength(), 1), filled(spec.bulk().keyLength(), 2),
                filled(spec.fixedIvLength(), 3));
        for (boolean encryptThenMac : new boolean[] {false, true}) {
            RecordCipher c = RecordCiphers.create(spec, v, keys, encryptThenMac);
            Random random = new Random(seed(suite, version));
            for (int length = 0; length <= 200; length++) {
                byte[] fragment = new byte[length];
                if (length % 2 == 1) {
                    random.nextBytes(fragment);
                }
                Opening o = c.open(23, v == 0x0304 ? 0x0303 : v, Slice.of(fragment));
                assertThat(o).as(spec + " " + length + " bytes").isInstanceOf(Opening.Failed.class);
            }
        }
    }

    private static long seed(String suite, String version) {
        return (long) suite.hashCode() << 32 | version.hashCode();
    }
}
