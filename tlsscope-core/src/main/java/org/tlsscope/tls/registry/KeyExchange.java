package org.tlsscope.tls.registry;

/** STUB until the registry branch lands. */
public enum KeyExchange {
    RSA, RSA_EXPORT, DH, DHE, DH_ANON, ECDH, ECDHE, ECDH_ANON, PSK, DHE_PSK, ECDHE_PSK, RSA_PSK, SRP, KRB5, TLS13,
    GOST, ECCPWD, NULL, SCSV, UNKNOWN
}
