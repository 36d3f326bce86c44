package org.tlsscope.tls.registry;

/** STUB until the registry branch lands. */
public record CipherSuite(int id, String name, KeyExchange keyExchange, String authentication, String cipher,
                          String mac) {
    public static CipherSuite of(int id) {
        String n = Registries.CIPHER_SUITES.name(id);
        KeyExchange kx = n.startsWith("TLS_ECDHE_") ? KeyExchange.ECDHE : n.startsWith("TLS_DHE_") ? KeyExchange.DHE
                : n.startsWith("TLS_RSA_") ? KeyExchange.RSA : KeyExchange.UNKNOWN;
        return new CipherSuite(id, n, kx, "", "", "");
    }
}
