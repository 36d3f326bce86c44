package org.tlsscope.net;

/**
 * An IPv4 or IPv6 address as two longs: cheap to hash and compare, which matters since every TCP
 * segment looks its connection up by address. IPv4 addresses live in the low 32 bits of {@code lo}.
 */
public record IpAddress(long hi, long lo, boolean v6) {
    public static IpAddress v4(int address) {
        return new IpAddress(0, address & 0xffffffffL, false);
    }

    public static IpAddress v6(long hi, long lo) {
        return new IpAddress(hi, lo, true);
    }

    // Written out: every segment hashes and compares two of these to find its connection.
    @Override
    public int hashCode() {
        long h = hi * 0x9e3779b97f4a7c15L + lo;
        return (int) (h ^ (h >>> 32)) ^ (v6 ? 1 : 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress a && a.lo == lo && a.hi == hi && a.v6 == v6;
    }

    /**
     * Dotted quad for IPv4; RFC 5952 text (lower case, longest zero run compressed) for IPv6, with the last 32 bits
     * of an IPv4-mapped address as a dotted quad (section 5: "::ffff:192.0.2.1"), and those of an IPv4-compatible
     * one ("::192.0.2.1", RFC 4291 section 2.5.5.1) as tshark writes them.
     */
    @Override
    public String toString() {
        if (!v6) {
            return dottedQuad(lo);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) ((hi >>> (48 - 16 * i)) & 0xffff);
            groups[i + 4] = (int) ((lo >>> (48 - 16 * i)) & 0xffff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        // The rule of inet_ntop (glibc, and so tshark): the zero run is the address's first five groups and the sixth
        // is ffff (mapped), or it is the first six and the seventh is not zero (compatible; "::1" stays "::1").
        if (bestStart == 0 && (bestLen == 6 || bestLen == 5 && groups[5] == 0xffff)) {
            return (bestLen == 5 ? "::ffff:" : "::") + dottedQuad(lo);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            // RFC 5952 section 4.1 and 4.3: leading zeros suppressed, lower case.
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    private static String dottedQuad(long address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }
}
