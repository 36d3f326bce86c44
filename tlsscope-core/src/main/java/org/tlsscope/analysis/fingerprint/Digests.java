package org.tlsscope.analysis.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.tlsscope.analysis.Memo;

/** The hashes and list encodings the JA3 and JA4+ fingerprints share. */
public final class Digests {
    /**
     * What JA4+ prints for a hash of nothing (FoxIO-LLC/ja4 technical_details/JA4.md: "if there are no
     * ciphers in the sorted cipher list, then the value of JA4_b is set to 000000000000"; likewise for
     * empty extension lists and JA4X's OID lists).
     */
    public static final String EMPTY = "000000000000";
    private static final HexFormat HEX = HexFormat.of();
    /** The same few clients and servers fingerprint alike across a capture: each string is hashed once. */
    private static final Memo<String, String> MD5 = new Memo<>(4096);
    private static final Memo<String, String> SHA256_PREFIX = new Memo<>(4096);

    private Digests() {
    }

    /** Lower-case hex MD5 of the string's ASCII bytes: JA3 and JA3S. */
    public static String md5(String s) {
        return MD5.get(s, k -> HEX.formatHex(digest("MD5", k)));
    }

    /** The first 12 lower-case hex characters of SHA-256, or {@link #EMPTY} for an empty input: JA4+. */
    public static String sha256Prefix(String s) {
        return s.isEmpty() ? EMPTY : SHA256_PREFIX.get(s, k -> HEX.formatHex(digest("SHA-256", k), 0, 6));
    }

    /** Two-byte values as JA4+ writes them: 4 lower-case hex digits each, comma-separated. */
    public static String hex4(int[] values) {
        // Once per connection and value: HexFormat, not String.format, whose parsing dominated the fingerprints.
        StringBuilder sb = new StringBuilder(values.length * 5);
        for (int v : values) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(HEX.toHexDigits((short) v));
        }
        return sb.toString();
    }

    private static byte[] digest(String algorithm, String s) {
        try {
            return MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }
}
