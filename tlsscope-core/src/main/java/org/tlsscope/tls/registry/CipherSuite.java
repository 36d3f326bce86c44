package org.tlsscope.tls.registry;

import java.util.Arrays;

/**
 * A cipher suite and the algorithms its name selects. The ServerKeyExchange and ClientKeyExchange
 * bodies are "decoded from the negotiated suite" (RFC 5246 section 7.4.3): {@link #keyExchange()} says
 * which structure to expect.
 *
 * @param id             the two-byte code point
 * @param name           the IANA name (or Wireshark's for the non-IANA values), "unknown (0x1234)" if unassigned
 * @param keyExchange    the key exchange, {@link KeyExchange#UNKNOWN} for an unassigned value
 * @param authentication how the server authenticates: "RSA", "DSS", "ECDSA", "anon", "PSK", "SRP", ..;
 *                       empty where the suite does not say (TLS 1.3, SCSV, unknown)
 * @param cipher         the bulk cipher as named, e.g. "AES_128_GCM", "3DES_EDE_CBC", "NULL"; empty if none
 * @param mac            the hash named last: the HMAC hash for block and stream ciphers, the PRF/HKDF hash
 *                       for AEAD ciphers (RFC 5288 section 3, RFC 8446 appendix B.4); empty if none
 */
public record CipherSuite(int id, String name, KeyExchange keyExchange, String authentication, String cipher, String mac) {
    /** The assigned suites, ascending by code point: looked up by binary search, without boxing the id. */
    private static final int[] IDS = Registries.CIPHER_SUITES.values();
    private static final CipherSuite[] ASSIGNED = parseAll();

    private static CipherSuite[] parseAll() {
        CipherSuite[] suites = new CipherSuite[IDS.length];
        for (int i = 0; i < IDS.length; i++) {
            suites[i] = CipherSuiteNames.parse(IDS[i], Registries.CIPHER_SUITES.name(IDS[i]));
        }
        return suites;
    }

    /** The suite for a code point; never null: an unassigned value keeps its number and has KeyExchange.UNKNOWN. */
    public static CipherSuite of(int id) {
        int i = Arrays.binarySearch(IDS, id);
        return i >= 0 ? ASSIGNED[i]
                : new CipherSuite(id, Registries.CIPHER_SUITES.name(id), KeyExchange.UNKNOWN, "", "", "");
    }

    /** Export-grade (RFC 2246 appendix A.5, draft-ietf-tls-56-bit-ciphersuites): weakened key sizes. */
    public boolean isExport() {
        return name.contains("_EXPORT");
    }

    /** An AEAD cipher: records carry an explicit nonce and tag, no separate MAC (RFC 5246 section 6.2.3.3). */
    public boolean isAead() {
        return cipher.contains("_GCM") || cipher.contains("_CCM") || cipher.contains("POLY1305")
                || cipher.contains("_MGM_") || cipher.startsWith("AEGIS_");
    }

    /**
     * For a suite that encrypts nothing (bulk cipher NULL), the length of the HMAC that ends each protected
     * record (RFC 5246 section 6.2.3.1, RFC 6101 section 5.2.3.1); -1 for any other suite.
     */
    public int nullCipherMacLength() {
        if (!cipher.equals("NULL")) {
            return -1;
        }
        return switch (mac) {
            case "MD5" -> 16;
            case "SHA" -> 20;
            case "SHA256" -> 32;
            case "SHA384" -> 48;
            default -> -1;
        };
    }

    /** Whether this value is in the IANA registry (as opposed to an SSL-era, draft or national value). */
    public boolean isIana() {
        return "IANA".equals(Registries.CIPHER_SUITES.column(id, 2));
    }
}
