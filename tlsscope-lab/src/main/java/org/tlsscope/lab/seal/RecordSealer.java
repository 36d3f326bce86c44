package org.tlsscope.lab.seal;

import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.tlsscope.decrypt.cipher.CipherSpec;
import org.tlsscope.decrypt.cipher.Tls12KeySchedule;
import org.tlsscope.decrypt.cipher.Tls13KeySchedule;
import org.tlsscope.decrypt.cipher.TrafficKeys;
import org.tlsscope.tls.registry.CipherSuite;
import org.tlsscope.tls.registry.KeyExchange;

/**
 * Seals records as a TLS peer protects them, with the JDK's ciphers: the other half of the core's
 * {@code RecordCiphers}, for code that needs full-size protected records that open (the CLI's AOT training,
 * the benchmarks). It covers the bulk ciphers those use: AES-GCM and ChaCha20-Poly1305 at TLS 1.2 (RFC 5288
 * section 3, RFC 7905 section 2) and TLS 1.3 (RFC 8446 section 5.2), and AES-CBC with HMAC at TLS 1.1 and
 * 1.2, MAC-then-encrypt (RFC 5246 section 6.2.3.2). Each record is sealed under the sequence number the
 * caller gives; sealing one number twice in a row is refused by the JDK's GCM (nonce reuse).
 */
public final class RecordSealer {
    private static final int TLS11 = 0x0302;
    private static final int TLS12 = 0x0303;
    private static final int TLS13 = 0x0304;
    private static final int APPLICATION_DATA = 23;
    private static final int HEADER = 5;
    private static final int TAG = 16;
    private static final int BLOCK = 16;

    private enum Family { GCM, CHACHA20_POLY1305, CBC }

    private final Family family;
    private final int version;
    private final Cipher cipher;
    private final SecretKeySpec key;
    private final byte[] iv;
    private final Mac mac;

    private RecordSealer(Family family, int version, TrafficKeys keys, String hmac) throws GeneralSecurityException {
        this.family = family;
        this.version = version;
        this.iv = keys.iv().clone();
        this.cipher = Cipher.getInstance(switch (family) {
            case GCM -> "AES/GCM/NoPadding";
            case CHACHA20_POLY1305 -> "ChaCha20-Poly1305";
            case CBC -> "AES/CBC/NoPadding";
        });
        this.key = new SecretKeySpec(keys.key(), family == Family.CHACHA20_POLY1305 ? "ChaCha20" : "AES");
        if (hmac == null) {
            this.mac = null;
        } else {
            this.mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(keys.macKey(), hmac));
        }
    }

    /**
     * @param suite   an AES-GCM, ChaCha20-Poly1305 or AES-CBC-HMAC suite's code point
     * @param version 0x0304 for the TLS 1.3 suites; 0x0303 for the TLS 1.2 AEAD suites; 0x0302 or 0x0303 for CBC
     * @param keys    the sending direction's keys, of the sizes the suite's key schedule gives
     * @throws IllegalArgumentException for a suite or version this class does not seal
     */
    public static RecordSealer create(int suite, int version, TrafficKeys keys) {
        CipherSuite cs = CipherSuite.of(suite);
        String cipher = cs.cipher();
        Family family = cipher.equals("CHACHA20_POLY1305") ? Family.CHACHA20_POLY1305
                : cipher.matches("AES_(128|256)_GCM") ? Family.GCM
                : cipher.matches("AES_(128|256)_CBC") ? Family.CBC : null;
        boolean versionFits = (cs.keyExchange() == KeyExchange.TLS13) == (version == TLS13)
                && (family == Family.CBC ? version == TLS11 || version == TLS12 : version == TLS12 || version == TLS13);
        if (family == null || !versionFits) {
            throw new IllegalArgumentException("not sealed here: " + cs.name() + " at 0x" + Integer.toHexString(version));
        }
        String hmac = family != Family.CBC ? null : switch (cs.mac()) {
            case "SHA" -> "HmacSHA1";
            case "SHA256" -> "HmacSHA256";
            case "SHA384" -> "HmacSHA384";
            default -> throw new IllegalArgumentException("not sealed here: " + cs.name() + " (MAC " + cs.mac() + ")");
        };
        try {
            return new RecordSealer(family, version, keys, hmac);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("keys do not fit " + cs.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Keys of the sizes {@code spec} needs, from its own key schedule over an all-zero secret (and, below TLS
     * 1.3, all-zero randoms): arbitrary but well-formed, the client's direction.
     */
    public static TrafficKeys keysFromZeroSecret(CipherSpec spec, int version) {
        return version == TLS13 ? Tls13KeySchedule.trafficKeys(spec, new byte[spec.hashLength()])
                : Tls12KeySchedule.keyBlock(spec, version, new byte[48], new byte[32], new byte[32]).client();
    }

    /**
     * The whole record, header included, carrying {@code content} as {@code contentType}, sealed under
     * sequence number {@code seq}. TLS 1.3 hides the type inside (RFC 8446 section 5.2): the header then
     * says application_data and the version 0x0303.
     */
    public byte[] seal(long seq, int contentType, byte[] content) {
        try {
            return switch (family) {
                case CBC -> cbc(seq, contentType, content);
                case GCM, CHACHA20_POLY1305 -> version == TLS13 ? tls13(seq, contentType, content)
                        : tls12Aead(seq, contentType, content);
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's " + cipher.getAlgorithm() + " failed to seal: " + e.getMessage(), e);
        }
    }

    /** RFC 8446 section 5.2: TLSInnerPlaintext (content, type, no padding) under nonce = iv XOR seq, the header as AAD. */
    private byte[] tls13(long seq, int contentType, byte[] content) throws GeneralSecurityException {
        int length = content.length + 1 + TAG;
        byte[] record = header(APPLICATION_DATA, TLS12, length);
        byte[] inner = Arrays.copyOf(content, content.length + 1);
        inner[content.length] = (byte) contentType;
        cipher.init(Cipher.ENCRYPT_MODE, key, aeadParameters(xorSequence(seq)));
        cipher.updateAAD(record, 0, HEADER);
        cipher.doFinal(inner, 0, inner.length, record, HEADER);
        return record;
    }

    /**
     * RFC 5246 section 6.2.3.3. AES-GCM: nonce = the 4-byte salt and an 8-byte nonce_explicit sent first, here
     * the sequence number as OpenSSL sends it (RFC 5288 section 3); ChaCha20-Poly1305: nonce = iv XOR seq
     * and nothing explicit (RFC 7905 section 2). AAD = seq_num, type, version, plaintext length.
     */
    private byte[] tls12Aead(long seq, int contentType, byte[] content) throws GeneralSecurityException {
        int explicit = family == Family.GCM ? 8 : 0;
        byte[] record = header(contentType, version, explicit + content.length + TAG);
        byte[] nonce;
        if (explicit > 0) {
            nonce = Arrays.copyOf(iv, 12);
            putLong(nonce, 4, seq);
            putLong(record, HEADER, seq);
        } else {
            nonce = xorSequence(seq);
        }
        cipher.init(Cipher.ENCRYPT_MODE, key, aeadParameters(nonce));
        cipher.updateAAD(macHeader(seq, contentType, content.length));
        cipher.doFinal(content, 0, content.length, record, HEADER + explicit);
        return record;
    }

    /**
     * RFC 5246 section 6.2.3.2: an explicit IV (here the sequence number, any value will do), then content,
     * HMAC over seq_num, type, version, length and content (section 6.2.3.1), and padding, all encrypted.
     */
    private byte[] cbc(long seq, int contentType, byte[] content) throws GeneralSecurityException {
        int macLength = mac.getMacLength();
        int padding = BLOCK - 1 - (content.length + macLength) % BLOCK;
        byte[] plain = Arrays.copyOf(content, content.length + macLength + padding + 1);
        mac.update(macHeader(seq, contentType, content.length));
        mac.update(content);
        mac.doFinal(plain, content.length);
        Arrays.fill(plain, content.length + macLength, plain.length, (byte) padding);
        byte[] record = header(contentType, version, BLOCK + plain.length);
        byte[] explicitIv = new byte[BLOCK];
        putLong(explicitIv, BLOCK - 8, seq);
        System.arraycopy(explicitIv, 0, record, HEADER, BLOCK);
        cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(explicitIv));
        cipher.doFinal(plain, 0, plain.length, record, HEADER + BLOCK);
        return record;
    }

    private AlgorithmParameterSpec aeadParameters(byte[] nonce) {
        return family == Family.CHACHA20_POLY1305 ? new IvParameterSpec(nonce) : new GCMParameterSpec(8 * TAG, nonce);
    }

    /** RFC 8446 section 5.3 and RFC 7905 section 2: the sequence number, left-padded, XORed with the IV. */
    private byte[] xorSequence(long seq) {
        byte[] nonce = iv.clone();
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (seq >>> (8 * i));
        }
        return nonce;
    }

    /** seq_num, type, version, length: what the TLS 1.2 MAC and AEAD cover besides the content. */
    private byte[] macHeader(long seq, int contentType, int length) {
        byte[] h = new byte[13];
        putLong(h, 0, seq);
        h[8] = (byte) contentType;
        h[9] = (byte) (version >> 8);
        h[10] = (byte) version;
        h[11] = (byte) (length >> 8);
        h[12] = (byte) length;
        return h;
    }

    /** A record buffer of the header's size plus {@code length}, the header written. */
    private static byte[] header(int contentType, int recordVersion, int length) {
        byte[] record = new byte[HEADER + length];
        record[0] = (byte) contentType;
        record[1] = (byte) (recordVersion >> 8);
        record[2] = (byte) recordVersion;
        record[3] = (byte) (length >> 8);
        record[4] = (byte) length;
        return record;
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (56 - 8 * i));
        }
    }
}
