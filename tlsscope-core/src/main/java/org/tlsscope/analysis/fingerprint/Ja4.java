package org.tlsscope.analysis.fingerprint;

import java.util.ArrayList;
import java.util.Comparator;
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
 * @param fingerprint JA4
 * @param raw         JA4_r
 * @param original    JA4_o
 * @param originalRaw JA4_ro
 */
public record Ja4(String fingerprint, String raw, String original, String originalRaw) {
    private static final int SERVER_NAME = ExtensionType.SERVER_NAME;
    private static final int ALPN = ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION;

    public static Ja4 of(ClientHello hello) {
        List<Integer> ciphers = withoutGrease(hello.cipherSuites());
        List<Integer> extensions = withoutGrease(hello.extensions().stream().map(Extension::type).toList());
        List<Integer> signatures = withoutGrease(Extensions.find(hello.extensions(), SignatureAlgorithms.class)
                .map(SignatureAlgorithms::supportedSignatureAlgorithms).orElse(List.of()));
        int version = Extensions.find(hello.extensions(), SupportedVersions.Versions.class)
                .flatMap(v -> withoutGrease(v.versions()).stream().max(Comparator.naturalOrder()))
                .orElse(hello.legacyVersion());
        String a = "t" + versionCode(version) + (extensions.contains(SERVER_NAME) ? "d" : "i")
                + count(ciphers) + count(extensions) + alpnCode(firstAlpn(hello.extensions()));

        String sortedCiphers = Digests.hex4(ciphers.stream().sorted().toList());
        String sortedExtensions = Digests.hex4(extensions.stream()
                .filter(t -> t != SERVER_NAME && t != ALPN).sorted().toList());
        String c = withSignatures(sortedExtensions, signatures);
        String originalCiphers = Digests.hex4(ciphers);
        String originalC = withSignatures(Digests.hex4(extensions), signatures);
        return new Ja4(a + "_" + Digests.sha256Prefix(sortedCiphers) + "_" + hashC(sortedExtensions, c),
                a + "_" + sortedCiphers + "_" + c,
                a + "_" + Digests.sha256Prefix(originalCiphers) + "_" + hashC(Digests.hex4(extensions), originalC),
                a + "_" + originalCiphers + "_" + originalC);
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
    public static List<Integer> withoutGrease(List<Integer> values) {
        List<Integer> kept = new ArrayList<>(values.size());
        for (int v : values) {
            if (!Grease.is(v)) {
                kept.add(v);
            }
        }
        return kept;
    }

    /** A list's size as two digits, capped at 99. */
    public static String count(List<?> values) {
        int n = Math.min(values.size(), 99);
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    private static boolean alphanumeric(int b) {
        return b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z';
    }

    private static String withSignatures(String extensions, List<Integer> signatures) {
        return signatures.isEmpty() ? extensions : extensions + "_" + Digests.hex4(signatures);
    }

    /** JA4.md: "If there are no extensions in the sorted extensions list, then the value of JA4_c is 000000000000". */
    private static String hashC(String extensions, String c) {
        return extensions.isEmpty() ? Digests.EMPTY : Digests.sha256Prefix(c);
    }
}
