package org.tlsscope.analysis.finding;

import org.tlsscope.analysis.Severity;
import org.tlsscope.tls.ext.Extensions;
import org.tlsscope.tls.ext.KeyShare;
import org.tlsscope.tls.handshake.ServerKeyExchange;
import org.tlsscope.tls.registry.CipherSuite;
import org.tlsscope.tls.registry.KeyExchange;
import org.tlsscope.tls.registry.Registries;

/** The negotiated suite and key exchange: broken ciphers and MACs, no forward secrecy, small groups. */
final class SuiteRules {
    /** NIST SP 800-57 part 1 / RFC 7919: finite-field groups under 2048 bits no longer hold. */
    static final int MIN_DH_BITS = 2048;
    /** Curves under 224 bits (SP 800-57: 112-bit security at least). */
    static final int MIN_CURVE_BITS = 224;

    private SuiteRules() {
    }

    static void check(Checked c) {
        if (c.report.cipherSuite() < 0) {
            return;
        }
        CipherSuite suite = CipherSuite.of(c.report.cipherSuite());
        long frame = c.serverHelloFrame();
        String name = suite.name();
        String cipher = suite.cipher();
        if (cipher.equals("NULL")) {
            c.add("suite.null_cipher", Severity.ERROR, frame, name + ": records are not encrypted", "RFC 5246 appendix A.5");
        }
        if (suite.authentication().equals("anon")) {
            c.add("suite.anonymous", Severity.ERROR, frame, name + ": the server is not authenticated, anyone in the path"
                    + " can pose as it", "RFC 5246 appendix F.1.1.1");
        }
        if (suite.isExport()) {
            c.add("suite.export", Severity.ERROR, frame, name + ": export-grade keys, breakable in hours (FREAK, Logjam)",
                    "RFC 5246 appendix A.5, CVE-2015-0204");
        }
        if (cipher.startsWith("RC4")) {
            c.add("suite.rc4", Severity.ERROR, frame, name + ": RC4 is prohibited, its key stream is biased", "RFC 7465");
        } else if (cipher.startsWith("DES") && !cipher.startsWith("DES40")) {
            c.add("suite.des", Severity.ERROR, frame, name + ": single DES, a 56-bit key", "RFC 5469");
        } else if (cipher.startsWith("3DES")) {
            c.add("suite.3des", Severity.WARNING, frame, name + ": 64-bit blocks, collisions after some 32 GB (Sweet32)",
                    "CVE-2016-2183");
        }
        if (!suite.isAead() && suite.mac().equals("MD5")) {
            c.add("suite.md5_mac", Severity.WARNING, frame, name + ": HMAC-MD5 record MACs", "RFC 6151");
        }
        if (cipher.contains("CBC") && suite.mac().equals("SHA")) {
            c.add("suite.cbc_sha1", Severity.INFO, frame, name + ": CBC with HMAC-SHA1, MAC-then-encrypt unless"
                    + " encrypt_then_mac is negotiated (Lucky Thirteen, padding oracles)", "RFC 7457 section 2.4, RFC 7366");
        }
        if (suite.keyExchange() == KeyExchange.RSA || suite.keyExchange() == KeyExchange.RSA_PSK) {
            c.add("suite.rsa_key_exchange", Severity.WARNING, frame, name + ": RSA key transport, no forward secrecy:"
                    + " the server's key decrypts every recorded session", "RFC 7525 section 4.1");
        }
        groups(c);
    }

    private static void groups(Checked c) {
        ServerKeyExchange ske = c.report.serverKeyExchange();
        if (ske != null && ske.dhP() != null && !ske.dhP().isEmpty()) {
            int bits = bitLength(ske);
            if (bits < MIN_DH_BITS) {
                c.add("kx.dh_weak", bits <= 1024 ? Severity.ERROR : Severity.WARNING, c.frameOf("server", "server_key_exchange"),
                        "a " + bits + "-bit Diffie-Hellman group (Logjam at 512 bits, within reach of states at 1024)",
                        "RFC 7919 section 1, CVE-2015-4000");
            }
        }
        if (ske != null && ske.curveType() >= 0 && ske.curveType() != 3) {
            c.add("kx.curve_explicit", Severity.WARNING, c.frameOf("server", "server_key_exchange"),
                    "explicit curve parameters instead of a named curve: deprecated, and the way CurveBall (CVE-2020-0601) worked",
                    "RFC 8422 section 5.4");
        }
        int group = ske != null && ske.namedCurve() >= 0 ? ske.namedCurve() : serverShareGroup(c);
        if (group >= 0) {
            int bits = curveBits(Registries.NAMED_GROUPS.name(group));
            if (bits > 0 && bits < MIN_CURVE_BITS) {
                c.add("kx.curve_weak", Severity.ERROR, c.serverHelloFrame(), "key exchange on "
                        + Registries.NAMED_GROUPS.name(group) + ", a curve under " + MIN_CURVE_BITS + " bits", "RFC 8422 section 5.1.1");
            }
        }
    }

    /**
     * The size a SEC 2 or Brainpool curve's name gives ("secp160r1", "sect163k1", "brainpoolP256r1": 160, 163,
     * 256), or 0 for any other group. Read without a regular expression: it runs once per connection.
     */
    static int curveBits(String name) {
        int at = name.startsWith("secp") || name.startsWith("sect") ? 4 : name.startsWith("brainpoolP") ? 10 : -1;
        int bits = 0;
        for (int i = at; at > 0 && i < name.length() && i < at + 4 && Character.isDigit(name.charAt(i)); i++) {
            bits = bits * 10 + name.charAt(i) - '0';
        }
        return bits;
    }

    private static int serverShareGroup(Checked c) {
        if (c.report.serverHello() == null) {
            return -1;
        }
        return Extensions.find(c.report.serverHello().extensions(), KeyShare.ServerShare.class)
                .map(s -> s.serverShare().group()).orElse(-1);
    }

    /** dh_p's length in bits, leading zero bits not counted. */
    private static int bitLength(ServerKeyExchange ske) {
        var p = ske.dhP();
        int i = 0;
        while (i < p.length() && p.u8(i) == 0) {
            i++;
        }
        return i == p.length() ? 0 : (p.length() - i - 1) * 8 + (32 - Integer.numberOfLeadingZeros(p.u8(i)));
    }
}
