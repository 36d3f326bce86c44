package org.tlsscope.bench;

import org.tlsscope.decrypt.cipher.CipherSpec;

/**
 * The suites whose record protection is measured, each at the version it is negotiated at: the three TLS 1.3
 * suites, and TLS 1.2's AES-GCM and the two AES-CBC MACs (HMAC-SHA1, the post's suite; HMAC-SHA256). The
 * names are the IANA names, which scripts/jmh.sh maps to {@code openssl speed}'s ciphers.
 */
public enum BenchSuite {
    TLS_AES_128_GCM_SHA256(0x1301, 0x0304),
    TLS_AES_256_GCM_SHA384(0x1302, 0x0304),
    TLS_CHACHA20_POLY1305_SHA256(0x1303, 0x0304),
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256(0xc02f, 0x0303),
    TLS_RSA_WITH_AES_256_CBC_SHA(0x0035, 0x0303),
    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256(0xc027, 0x0303);

    private final int id;
    private final int version;

    BenchSuite(int id, int version) {
        this.id = id;
        this.version = version;
    }

    public int id() {
        return id;
    }

    public int version() {
        return version;
    }

    public boolean tls13() {
        return version == 0x0304;
    }

    public CipherSpec spec() {
        return ((CipherSpec.Supported) CipherSpec.resolve(id, version)).spec();
    }
}
