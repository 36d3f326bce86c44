package org.tlsscope.view;

import java.time.Instant;

/**
 * A capture timestamp as {@link Instant#toString} writes it ("2026-11-29T04:01:57.606822Z": the fraction in
 * groups of three digits, as many as it needs), with the date and time of day kept from one call to the next:
 * connections end in capture order, many within the same second, and formatting a whole date per row was a
 * measurable part of the summary.
 */
final class IsoTime {
    private long second = Long.MIN_VALUE;
    /** The text of {@link #second} without its closing "Z". */
    private String upToSeconds;

    String format(long epochNanos) {
        long s = Math.floorDiv(epochNanos, 1_000_000_000L);
        int nanos = (int) Math.floorMod(epochNanos, 1_000_000_000L);
        if (s != second) {
            String whole = Instant.ofEpochSecond(s).toString();
            upToSeconds = whole.substring(0, whole.length() - 1);
            second = s;
        }
        if (nanos == 0) {
            return upToSeconds + "Z";
        }
        int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        int value = digits == 3 ? nanos / 1_000_000 : digits == 6 ? nanos / 1_000 : nanos;
        StringBuilder sb = new StringBuilder(upToSeconds.length() + 11).append(upToSeconds).append('.');
        String v = Integer.toString(value);
        sb.repeat('0', digits - v.length()).append(v).append('Z');
        return sb.toString();
    }
}
