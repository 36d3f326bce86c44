package org.tlsscope.tls.registry;

import java.util.Map;
import java.util.Set;

/**
 * Reads the algorithms out of a cipher suite name. IANA names follow
 * {@code TLS_<key exchange>[_<authentication>]_WITH_<cipher>_<hash>} up to TLS 1.2 (RFC 5246 appendix C)
 * and {@code TLS_<AEAD>_<HASH>} for TLS 1.3 (RFC 8446 appendix B.4); Wireshark's GM/T 0024 values
 * drop the prefix and the WITH ({@code ECDHE_SM4_GCM_SM3}). A name that fits none of these parses to
 * {@link KeyExchange#UNKNOWN}, never an exception.
 */
final class CipherSuiteNames {
    private record Exchange(KeyExchange keyExchange, String authentication) {
    }

    /** Everything between "TLS_"/"SSL_" and "_WITH_" in the table, export variants spelled out. */
    private static final Map<String, Exchange> BEFORE_WITH = Map.ofEntries(
            exchange("NULL", KeyExchange.NULL, "NULL"),
            exchange("RSA", KeyExchange.RSA, "RSA"),
            exchange("RSA_FIPS", KeyExchange.RSA, "RSA"),
            exchange("RSA_EXPORT", KeyExchange.RSA_EXPORT, "RSA"),
            exchange("RSA_EXPORT1024", KeyExchange.RSA_EXPORT, "RSA"),
            exchange("DH_DSS", KeyExchange.DH, "DSS"),
            exchange("DH_DSS_EXPORT", KeyExchange.DH, "DSS"),
            exchange("DH_RSA", KeyExchange.DH, "RSA"),
            exchange("DH_RSA_EXPORT", KeyExchange.DH, "RSA"),
            exchange("DHE_DSS", KeyExchange.DHE, "DSS"),
            exchange("DHE_DSS_EXPORT", KeyExchange.DHE, "DSS"),
            exchange("DHE_DSS_EXPORT1024", KeyExchange.DHE, "DSS"),
            exchange("DHE_RSA", KeyExchange.DHE, "RSA"),
            exchange("DHE_RSA_EXPORT", KeyExchange.DHE, "RSA"),
            exchange("DH_anon", KeyExchange.DH_ANON, "anon"),
            exchange("DH_anon_EXPORT", KeyExchange.DH_ANON, "anon"),
            exchange("ECDH_ECDSA", KeyExchange.ECDH, "ECDSA"),
            exchange("ECDH_RSA", KeyExchange.ECDH, "RSA"),
            exchange("ECDHE_ECDSA", KeyExchange.ECDHE, "ECDSA"),
            exchange("ECDHE_RSA", KeyExchange.ECDHE, "RSA"),
            exchange("ECDH_anon", KeyExchange.ECDH_ANON, "anon"),
            exchange("KRB5", KeyExchange.KRB5, "KRB5"),
            exchange("KRB5_EXPORT", KeyExchange.KRB5, "KRB5"),
            exchange("PSK", KeyExchange.PSK, "PSK"),
            exchange("DHE_PSK", KeyExchange.DHE_PSK, "PSK"),
            // IANA spells 0xC0AA/0xC0AB "TLS_PSK_DHE_WITH_..."; RFC 6655 section 4 defines them as DHE_PSK.
            exchange("PSK_DHE", KeyExchange.DHE_PSK, "PSK"),
            exchange("ECDHE_PSK", KeyExchange.ECDHE_PSK, "PSK"),
            // RFC 4279 section 4: the server authenticates with its RSA certificate as well as the PSK.
            exchange("RSA_PSK", KeyExchange.RSA_PSK, "RSA"),
            // RFC 5054 section 2.7: SRP_SHA alone is unauthenticated beyond the password; _RSA/_DSS sign.
            exchange("SRP_SHA", KeyExchange.SRP, "SRP"),
            exchange("SRP_SHA_RSA", KeyExchange.SRP, "RSA"),
            exchange("SRP_SHA_DSS", KeyExchange.SRP, "DSS"),
            exchange("ECCPWD", KeyExchange.ECCPWD, "ECCPWD"),
            exchange("GOSTR341112_256", KeyExchange.GOST, "GOSTR341012"),
            exchange("GOSTR341094", KeyExchange.GOST, "GOSTR341094"),
            exchange("GOSTR341001", KeyExchange.GOST, "GOSTR341001"),
            exchange("FORTEZZA_KEA", KeyExchange.FORTEZZA_KEA, "FORTEZZA"),
            exchange("ECJPAKE", KeyExchange.ECJPAKE, "ECJPAKE"));

    /** The first word of Wireshark's GM/T 0024 names (ECDHE_SM1_SM3, IBC_SM4_CBC_SM3, ..). */
    private static final Map<String, Exchange> GMTLS = Map.of(
            "ECDHE", new Exchange(KeyExchange.GMTLS_ECDHE, "SM2"),
            "ECC", new Exchange(KeyExchange.GMTLS_ECC, "SM2"),
            "IBSDH", new Exchange(KeyExchange.GMTLS_IBSDH, "IBC"),
            "IBC", new Exchange(KeyExchange.GMTLS_IBC, "IBC"),
            "RSA", new Exchange(KeyExchange.GMTLS_RSA, "RSA"));

    /** Words that end a name as its hash: HMAC hashes, GOST MACs (OMAC, IMIT), and NULL. */
    private static final Set<String> HASHES = Set.of(
            "NULL", "MD5", "SHA", "SHA1", "SHA256", "SHA384", "SM3", "OMAC", "IMIT", "GOSTR3411");

    private static final String WITH = "_WITH_";

    private CipherSuiteNames() {
    }

    private static Map.Entry<String, Exchange> exchange(String words, KeyExchange keyExchange, String authentication) {
        return Map.entry(words, new Exchange(keyExchange, authentication));
    }

    static CipherSuite parse(int id, String name) {
        if (name.endsWith("_SCSV")) {
            return new CipherSuite(id, name, KeyExchange.SCSV, "", "", "");
        }
        int with = name.indexOf(WITH);
        if (with >= 0 && (name.startsWith("TLS_") || name.startsWith("SSL_"))) {
            return withForm(id, name, BEFORE_WITH.get(name.substring(4, with)), name.substring(with + WITH.length()));
        }
        if (with < 0 && name.startsWith("TLS_")) {
            String[] cipherHash = cipherAndHash(name.substring(4));
            // RFC 9150 section 5: TLS_SHA256_SHA256 and TLS_SHA384_SHA384 authenticate without encrypting.
            String cipher = HASHES.contains(cipherHash[0]) ? "NULL" : cipherHash[0];
            return new CipherSuite(id, name, KeyExchange.TLS13, "", cipher, cipherHash[1]);
        }
        int firstWord = name.indexOf('_');
        Exchange gm = firstWord < 0 ? null : GMTLS.get(name.substring(0, firstWord));
        if (with < 0 && gm != null) {
            String[] cipherHash = cipherAndHash(name.substring(firstWord + 1));
            return new CipherSuite(id, name, gm.keyExchange(), gm.authentication(), cipherHash[0], cipherHash[1]);
        }
        return new CipherSuite(id, name, KeyExchange.UNKNOWN, "", "", "");
    }

    private static CipherSuite withForm(int id, String name, Exchange exchange, String afterWith) {
        if (exchange == null) {
            return new CipherSuite(id, name, KeyExchange.UNKNOWN, "", "", "");
        }
        if (exchange.keyExchange() == KeyExchange.GOST && afterWith.contains("_MGM_")) {
            // RFC 9367 section 3: the MGM suites are TLS 1.3 suites; GOSTR341112_256 names their hash.
            return new CipherSuite(id, name, KeyExchange.TLS13, "", afterWith, "GOSTR341112_256");
        }
        String[] cipherHash = cipherAndHash(afterWith);
        return new CipherSuite(id, name, exchange.keyExchange(), exchange.authentication(), cipherHash[0], cipherHash[1]);
    }

    /** "AES_128_CBC_SHA" to {"AES_128_CBC", "SHA"}; a name without a hash word keeps it empty. */
    private static String[] cipherAndHash(String words) {
        int last = words.lastIndexOf('_');
        if (last > 0 && HASHES.contains(words.substring(last + 1))) {
            return new String[] {words.substring(0, last), words.substring(last + 1)};
        }
        if (words.endsWith("_CCM") || words.endsWith("_CCM_8")) {
            // RFC 6655 section 3 and RFC 7251 section 2: the CCM suites use the TLS PRF with SHA-256.
            return new String[] {words, "SHA256"};
        }
        return new String[] {words, ""};
    }
}
