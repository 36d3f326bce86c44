package org.tlsscope.tls.registry;

/**
 * The key exchange a cipher suite selects: what a (pre-TLS 1.3) ServerKeyExchange and ClientKeyExchange
 * carry once the server has chosen the suite. The wire does not say which structure follows; RFC 5246
 * section 7.4.3 makes the negotiated suite decide, so the decoder asks this enum.
 *
 * <p>This is a classification of suites, not a code point: unknown suites map to {@link #UNKNOWN}.
 */
public enum KeyExchange {
    /** TLS_NULL_WITH_NULL_NULL: the initial state, no keys (RFC 5246 appendix A.5). */
    NULL,
    /** RSA key transport: EncryptedPreMasterSecret in ClientKeyExchange, no ServerKeyExchange (RFC 5246 section 7.4.7.1). */
    RSA,
    /** Export RSA: ServerKeyExchange carries a temporary ServerRSAParams (modulus, exponent) (RFC 4346 section 7.4.3). */
    RSA_EXPORT,
    /** Static DH (DH_DSS, DH_RSA): the server's DH key is in its certificate, no ServerKeyExchange (RFC 5246 section 7.4.3). */
    DH,
    /** Ephemeral DH: signed ServerDHParams (dh_p, dh_g, dh_Ys) (RFC 5246 section 7.4.3). */
    DHE,
    /** Anonymous DH: unsigned ServerDHParams (RFC 5246 section 7.4.3). */
    DH_ANON,
    /** Static ECDH (ECDH_ECDSA, ECDH_RSA): the server's EC key is in its certificate (RFC 8422 section 2). */
    ECDH,
    /** Ephemeral ECDH: signed ServerECDHParams (curve_params, public point) (RFC 8422 section 5.4). */
    ECDHE,
    /** Anonymous ECDH: unsigned ServerECDHParams (RFC 8422 section 2.3). */
    ECDH_ANON,
    /** Plain PSK: ServerKeyExchange carries psk_identity_hint, ClientKeyExchange psk_identity (RFC 4279 section 2). */
    PSK,
    /** DHE_PSK: psk_identity_hint followed by ServerDHParams (RFC 4279 section 3). */
    DHE_PSK,
    /** ECDHE_PSK: psk_identity_hint followed by ServerECDHParams (RFC 5489 section 2). */
    ECDHE_PSK,
    /** RSA_PSK: psk_identity_hint; ClientKeyExchange has psk_identity and EncryptedPreMasterSecret (RFC 4279 section 4). */
    RSA_PSK,
    /** SRP: ServerSRPParams (N, g, s, B), signed unless the suite is SRP_SHA alone (RFC 5054 section 2.8). */
    SRP,
    /** Kerberos: a Kerberos ticket and authenticator in ClientKeyExchange (RFC 2712 section 3). */
    KRB5,
    /** Password-based ECCPWD: ServerKeyExchange carries salt, element and scalar (RFC 8492 section 4). */
    ECCPWD,
    /** GOST VKO key agreement (RFC 9189 section 4.2.4; the pre-RFC GOSTR341094/341001 drafts too). */
    GOST,
    /** SSL 3.0 Fortezza KEA (RFC 6101 section 5.6.3; no IANA value). */
    FORTEZZA_KEA,
    /** EC J-PAKE (draft-cragie-tls-ecjpake; no IANA value). */
    ECJPAKE,
    /** GM/T 0024 ECC: SM2 encryption of the pre-master secret, signed SKE over the encryption certificate. */
    GMTLS_ECC,
    /** GM/T 0024 ECDHE: the SM2 key agreement protocol, not RFC 8422 ServerECDHParams. */
    GMTLS_ECDHE,
    /** GM/T 0024 IBC: identity-based encryption. */
    GMTLS_IBC,
    /** GM/T 0024 IBSDH: identity-based key agreement. */
    GMTLS_IBSDH,
    /** GM/T 0024 RSA: RSA key transport with a signed SKE over the encryption certificate. */
    GMTLS_RSA,
    /** TLS 1.3 suites name only the AEAD and hash; the key exchange is negotiated by key_share (RFC 8446 section 4.2.8). */
    TLS13,
    /** Signalling cipher suite values, never selected: 0x00FF (RFC 5746 section 3.3) and 0x5600 (RFC 7507 section 2). */
    SCSV,
    /** A value no table names. */
    UNKNOWN;

    /** ServerKeyExchange carries ServerDHParams (p, g, Ys): DHE, DH_anon and, after the identity hint, DHE_PSK. */
    public boolean isEphemeralDh() {
        return this == DHE || this == DH_ANON || this == DHE_PSK;
    }

    /** Elliptic-curve DH of any kind: ClientKeyExchange carries an ECPoint (RFC 8422 section 5.7). */
    public boolean isEcdh() {
        return this == ECDH || isEphemeralEcdh();
    }

    /** ServerKeyExchange carries ServerECDHParams (ECParameters, ECPoint): ECDHE, ECDH_anon and ECDHE_PSK. */
    public boolean isEphemeralEcdh() {
        return this == ECDHE || this == ECDH_ANON || this == ECDHE_PSK;
    }

    /** ServerKeyExchange carries ServerRSAParams (rsa_modulus, rsa_exponent): export RSA only. */
    public boolean hasServerRsaParams() {
        return this == RSA_EXPORT;
    }

    /** ServerKeyExchange starts with psk_identity_hint and ClientKeyExchange with psk_identity (RFC 4279). */
    public boolean isPsk() {
        return this == PSK || this == DHE_PSK || this == ECDHE_PSK || this == RSA_PSK;
    }

    /** ServerKeyExchange carries ServerSRPParams (RFC 5054 section 2.8). */
    public boolean isSrp() {
        return this == SRP;
    }

    /** ClientKeyExchange carries an RSA-encrypted pre-master secret (RFC 5246 section 7.4.7.1, RFC 4279 section 4). */
    public boolean isRsaKeyTransport() {
        return this == RSA || this == RSA_EXPORT || this == RSA_PSK;
    }

    /**
     * Whether a ServerKeyExchange message is expected at all. For RSA_EXPORT it is sent only when the
     * certificate key is longer than 512 bits, and for PSK and RSA_PSK only when the server has a hint
     * (RFC 4346 section 7.4.3, RFC 4279 section 2), so a decoder must also accept its absence.
     */
    public boolean mayHaveServerKeyExchange() {
        return isEphemeralDh() || isEphemeralEcdh() || hasServerRsaParams() || isPsk() || isSrp()
                || this == ECCPWD || this == GMTLS_ECC || this == GMTLS_ECDHE || this == GMTLS_IBC
                || this == GMTLS_IBSDH || this == GMTLS_RSA || this == FORTEZZA_KEA || this == ECJPAKE;
    }

    /** A fresh key pair per handshake (forward secrecy); TLS 1.3 key_share is always ephemeral. */
    public boolean isEphemeral() {
        return isEphemeralDh() || isEphemeralEcdh() || this == TLS13 || this == ECCPWD || this == ECJPAKE
                || this == GMTLS_ECDHE || this == GMTLS_IBSDH;
    }
}
