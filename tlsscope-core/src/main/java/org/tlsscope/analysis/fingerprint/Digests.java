package org.tlsscope.analysis.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** The hashes and list encodings the JA3 and JA4+ fingerprints share. */
public final class Digests {
    /**
     * What JA4+ prints for a hash of nothing (FoxIO-LLC/ja4 technical_details/JA4.md: "if there are no
     * ciphers in the sorted cipher list, then the value of JA4_b is set to 000000000000"; likewise for
     * empty extension lists and JA4X's OID lists).
     */
    public static final String EMPTY = "000000000000";

    private Digests() {
    }

    /** Lower-case hex MD5 of the string's ASCII bytes: JA3 and JA3S. */
    public static String md5(String s) {
        return HexFormat.of().formatHex(digest("MD5", s));
    }

    /** The first 12 lower-case hex characters of SHA-256, or {@link #EMPTY} for an empty input: JA4+. */
    public static String sha256Prefix(String s) {
        return s.isEmpty() ? EMPTY : HexFormat.of().formatHex(digest("SHA-256", s)).substring(0, 12);
    }

    /** Two-byte values as JA4+ writes them: 4 lower-case hex digits each, comma-separated. */
    public static String hex4(List<Integer> values) {
        return values.stream().map(v -> String.format("%04x", v)).collect(Collectors.joining(","));
    }

    private static byte[] digest(String algorithm, String s) {
        try {
            return MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }
}
