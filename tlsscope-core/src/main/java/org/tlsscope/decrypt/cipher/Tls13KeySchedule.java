package org.tlsscope.decrypt.cipher;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.KDF;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The parts of the TLS 1.3 key schedule that start from a traffic secret (RFC 8446 section 7). */
public final class Tls13KeySchedule {
    /** RFC 8446 section 5.3: the per-record nonce is max(8, iv_length); every TLS 1.3 AEAD has 12. */
    private static final int IV_LENGTH = 12;
    private static final byte[] EMPTY = new byte[0];

    private Tls13KeySchedule() {
    }

    /** [sender]_write_key and [sender]_write_iv from a traffic secret (RFC 8446 section 7.3). */
    public static TrafficKeys trafficKeys(CipherSpec spec, byte[] trafficSecret) {
        return new TrafficKeys(EMPTY, expandLabel(spec, trafficSecret, "key", spec.bulk().keyLength()),
                expandLabel(spec, trafficSecret, "iv", IV_LENGTH));
    }

    /** application_traffic_secret_N+1 after a KeyUpdate (RFC 8446 section 7.2). */
    public static byte[] nextTrafficSecret(CipherSpec spec, byte[] trafficSecret) {
        return expandLabel(spec, trafficSecret, "traffic upd", spec.hashLength());
    }

    /** The Finished verify_data: HMAC(finished_key(baseKey), Transcript-Hash) (RFC 8446 section 4.4.4). */
    public static byte[] verifyData(CipherSpec spec, byte[] baseKey, Transcript transcript) {
        byte[] finishedKey = expandLabel(spec, baseKey, "finished", spec.hashLength());
        return spec.prfHash().hmac(finishedKey, transcript.hash(spec.prfHash()));
    }

    /**
     * HKDF-Expand-Label(Secret, Label, "", Length) = HKDF-Expand(Secret, HkdfLabel, Length) with
     * HkdfLabel = uint16 length, opaque label&lt;7..255&gt; = "tls13 " + Label, opaque context&lt;0..255&gt;
     * (RFC 8446 section 7.1); every use here has an empty context.
     */
    static byte[] expandLabel(CipherSpec spec, byte[] secret, String label, int length) {
        byte[] fullLabel = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        byte[] info = new byte[2 + 1 + fullLabel.length + 1];
        info[0] = (byte) (length >> 8);
        info[1] = (byte) length;
        info[2] = (byte) fullLabel.length;
        System.arraycopy(fullLabel, 0, info, 3, fullLabel.length);
        String algorithm = spec.prfHash() == Hash.SHA384 ? "HKDF-SHA384" : "HKDF-SHA256";
        try {
            return KDF.getInstance(algorithm).deriveData(
                    HKDFParameterSpec.expandOnly(new SecretKeySpec(secret, "HKDF-PRK"), info, length));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("HKDF-Expand-Label(" + label + ") over a "
                    + secret.length + "-byte secret: " + e.getMessage(), e);
        }
    }
}
