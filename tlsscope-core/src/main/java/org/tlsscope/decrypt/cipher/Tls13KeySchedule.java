package org.tlsscope.decrypt.cipher;

/** CONTRACT STUB: the parts of the TLS 1.3 key schedule that start from a traffic secret (RFC 8446 section 7). */
public final class Tls13KeySchedule {
    private Tls13KeySchedule() {
    }

    /** [sender]_write_key and [sender]_write_iv from a traffic secret (RFC 8446 section 7.3). */
    public static TrafficKeys trafficKeys(CipherSpec spec, byte[] trafficSecret) {
        throw new UnsupportedOperationException("stub");
    }

    /** application_traffic_secret_N+1 after a KeyUpdate (RFC 8446 section 7.2). */
    public static byte[] nextTrafficSecret(CipherSpec spec, byte[] trafficSecret) {
        throw new UnsupportedOperationException("stub");
    }

    /** The Finished verify_data: HMAC(finished_key(baseKey), Transcript-Hash) (RFC 8446 section 4.4.4). */
    public static byte[] verifyData(CipherSpec spec, byte[] baseKey, Transcript transcript) {
        throw new UnsupportedOperationException("stub");
    }
}
