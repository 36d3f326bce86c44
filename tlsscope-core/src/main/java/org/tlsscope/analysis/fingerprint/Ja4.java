package org.tlsscope.analysis.fingerprint;

import java.util.Arrays;
import java.util.List;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.ext.ExtensionType;
import org.tlsscope.tls.ext.Extensions;
import org.tlsscope.tls.ext.SignatureAlgorithms;
import org.tlsscope.tls.ext.SupportedVersions;
import org.tlsscope.tls.handshake.ClientHello;
import org.tlsscope.tls.registry.Grease;

/**
 * JA4, the client fingerprint of FoxIO-LLC/ja4 (BSD-3-Clause; technical_details/JA4.md), with its raw
 * and original-order forms: {@code a_b_c} as in {@code t13d1516h2_8daaf6152771_e5627efa2ab1}.
 *
 * <ul>
 *   <li>a: {@code t} (TLS over TCP, the only transport tlsscope reads), the version (the highest
 *       supported_versions value, else legacy_version), {@code d} with server_name or {@code i} without,
 *       the counts of cipher suites and extensions (two digits, at most 99; SNI and ALPN counted), and
 *       the first and last characters of the first ALPN value ({@link #alpnCode}).</li>
 *   <li>b: SHA-256/12 of the cipher suites as 4-hex, sorted.</li>
 *   <li>c: SHA-256/12 of the extension types as 4-hex, sorted, without server_name (0000) and ALPN
 *       (0010), then {@code _} and the signature_algorithms in wire order (no {@code _} without them).</li>
 * </ul>
 * RFC 8701 GREASE values are left out of every list and count. An empty list hashes to
 * {@link Digests#EMPTY}. {@code JA4_r} prints b and c unhashed; {@code JA4_o} and {@code JA4_ro} keep
 * the wire order and keep SNI and ALPN in the extension list.
 *
 * <p>Computed on the connection's first (reassembled) ClientHello: after a HelloRetryRequest the second
 * one is ignored, as by Wireshark's JA4 and the FoxIO scripts (the Zeek package took the second;
 * FoxIO-LLC/ja4#237). An SSL 2.0-format ClientHello has no JA4: the specification does not say how its
 * three-byte cipher specs would be written.
 *
 * <p>Summaries print only JA4; the raw and original-order forms are built when first asked for.
 */
public final class Ja4 {
    private static final int SERVER_NAME = ExtensionType.SERVER_NAME;
    private static final int ALPN = ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION;

    private final String a;
    private final int[] ciphers;
    private final int[] extensions;
    private final int[] signatures;
    private String fingerprint;

    private Ja4(String a, int[] ciphers, int[] extensions, int[] signatures) {
        this.a = a;
        this.ciphers = ciphers;
        this.extensions = extensions;
        this.signatures = signatures;
    }

    public static Ja4 of(ClientHello hello) {
        List<Extension> list = hello.extensions();
        int[] extensions = withoutGrease(Extensions.types(list));
        int[] ciphers = withoutGrease(hello.cipherSuites());
        int[] signatures = withoutGrease(Extensions.find(list, SignatureAlgorithms.class)
                .map(SignatureAlgorithms::supportedSignatureAlgorithms).orElse(List.of()));
        int version = hello.legacyVersion();
        SupportedVersions.Versions offered = Extensions.find(list, SupportedVersions.Versions.class).orElse(null);
        if (offered != null) {
            int highest = -1;
            for (int v : offered.versions()) {
                highest = Grease.is(v) ? highest : Math.max(highest, v);
            }
            version = highest < 0 ? version : highest;
        }
        String a = "t" + versionCode(version) + (contains(extensions, SERVER_NAME) ? "d" : "i")
                + count(ciphers.length) + count(extensions.length) + alpnCode(firstAlpn(list));
        return new Ja4(a, ciphers, extensions, signatures);
    }

    /** JA4: {@code a}, then b and c hashed, from the sorted lists. */
    public String fingerprint() {
        if (fingerprint == null) {
            String sortedExtensions = sortedExtensions();
            fingerprint = a + "_" + Digests.sha256Prefix(Digests.hex4(sorted(ciphers))) + "_"
                    + hashC(sortedExtensions, withSignatures(sortedExtensions));
        }
        return fingerprint;
    }

    /** JA4_r: the sorted lists unhashed. */
    public String raw() {
        return a + "_" + Digests.hex4(sorted(ciphers)) + "_" + withSignatures(sortedExtensions());
    }

    /** JA4_o: hashed, in wire order, SNI and ALPN kept in the extension list. */
    public String original() {
        String wire = Digests.hex4(extensions);
        return a + "_" + Digests.sha256Prefix(Digests.hex4(ciphers)) + "_" + hashC(wire, withSignatures(wire));
    }

    /** JA4_ro: unhashed, in wire order. */
    public String originalRaw() {
        return a + "_" + Digests.hex4(ciphers) + "_" + withSignatures(Digests.hex4(extensions));
    }

    @Override
    public String toString() {
        return fingerprint();
    }

    private String sortedExtensions() {
        int[] kept = new int[extensions.length];
        int n = 0;
        for (int t : extensions) {
            if (t != SERVER_NAME && t != ALPN) {
                kept[n++] = t;
            }
        }
        return Digests.hex4(sorted(Arrays.copyOf(kept, n)));
    }

    private String withSignatures(String extensionList) {
        return signatures.length == 0 ? extensionList : extensionList + "_" + Digests.hex4(signatures);
    }

    /**
     * The two version characters of JA4 and JA4S: 13, 12, 11, 10 for TLS, s3 and s2 for SSL, d1, d2, d3
     * for DTLS 1.0, 1.2, 1.3, and 00 for anything else (TLS 1.3 drafts included).
     */
    public static String versionCode(int version) {
        return switch (version) {
            case 0x0304 -> "13";
            case 0x0303 -> "12";
            case 0x0302 -> "11";
            case 0x0301 -> "10";
            case 0x0300 -> "s3";
            case 0x0002 -> "s2";
            case 0xfeff -> "d1";
            case 0xfefd -> "d2";
            case 0xfefc -> "d3";
            default -> "00";
        };
    }

    /**
     * The ALPN characters of JA4 and JA4S: {@code 00} without a value, else the first and last characters
     * of the value (one character twice). If either of those bytes is not an ASCII letter or digit, the
     * first and last characters of the hex of the whole value instead: 0xAB gives "ab", 0x30 0xAB gives
     * "3b" (JA4.md). FoxIO's Rust and Python code writes "9" for a non-ASCII byte instead of the hex rule
     * (its snapshot of tls-non-ascii-alpn.pcapng reads {@code 99}); tlsscope follows the specification.
     */
    public static String alpnCode(Slice value) {
        if (value == null || value.isEmpty()) {
            return "00";
        }
        int first = value.u8(0);
        int last = value.u8(value.length() - 1);
        if (alphanumeric(first) && alphanumeric(last)) {
            return "" + (char) first + (char) last;
        }
        String hex = value.hex();
        return "" + hex.charAt(0) + hex.charAt(hex.length() - 1);
    }

    /**
     * The first protocol name of an ALPN extension as its bytes (RFC 7301 section 3.1: a two-byte list
     * length, then one-byte-length names), or null without the extension or a readable first name. The
     * decoded extension keeps names as escaped text; the rule above needs the octets.
     */
    public static Slice firstAlpn(List<Extension> extensions) {
        Slice data = Extensions.ofType(extensions, ALPN).map(Extension::data).orElse(null);
        if (data == null || data.length() < 3) {
            return null;
        }
        int length = data.u8(2);
        return 3 + length <= data.length() ? data.slice(3, length) : null;
    }

    /** Values without the RFC 8701 GREASE ones. */
    public static int[] withoutGrease(List<Integer> values) {
        int[] kept = new int[values.size()];
        int n = 0;
        for (int v : values) {
            if (!Grease.is(v)) {
                kept[n++] = v;
            }
        }
        return Arrays.copyOf(kept, n);
    }

    /** A list's size as two digits, capped at 99. */
    public static String count(int size) {
        int n = Math.min(size, 99);
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    private static int[] sorted(int[] values) {
        int[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private static boolean alphanumeric(int b) {
        return b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z';
    }

    /** JA4.md: "If there are no extensions in the sorted extensions list, then the value of JA4_c is 000000000000". */
    private static String hashC(String extensions, String c) {
        return extensions.isEmpty() ? Digests.EMPTY : Digests.sha256Prefix(c);
    }
}
