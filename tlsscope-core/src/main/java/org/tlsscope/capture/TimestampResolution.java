package org.tlsscope.capture;

/**
 * A pcapng interface's if_tsresol option (pcapng spec section 4.2): timestamps count units of
 * 10^-n seconds, or of 2^-n seconds when the top bit of the option byte is set. The default, when
 * the option is absent, is microseconds.
 */
record TimestampResolution(boolean powerOfTwo, int exponent) {
    static final TimestampResolution MICROSECONDS = new TimestampResolution(false, 6);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    static TimestampResolution fromOption(int value) {
        return new TimestampResolution((value & 0x80) != 0, value & 0x7f);
    }

    /** Converts an unsigned 64-bit tick count to nanoseconds since the epoch. */
    long toNanos(long ticks) {
        return powerOfTwo ? binaryToNanos(ticks) : decimalToNanos(ticks);
    }

    private long binaryToNanos(long ticks) {
        if (exponent == 0) {
            return ticks * NANOS_PER_SECOND;
        }
        // ticks * 10^9 / 2^exponent through a 128-bit product: from 2^-34 on, 64 bits overflow.
        long high = Math.unsignedMultiplyHigh(ticks, NANOS_PER_SECOND);
        long low = ticks * NANOS_PER_SECOND;
        return exponent >= 64 ? high >>> (exponent - 64) : (low >>> exponent) | (high << (64 - exponent));
    }

    private long decimalToNanos(long ticks) {
        long nanos = ticks;
        for (int i = exponent; i < 9; i++) {
            nanos *= 10;
        }
        for (int i = 9; i < exponent && nanos != 0; i++) {
            nanos = Long.divideUnsigned(nanos, 10);
        }
        return nanos;
    }
}
