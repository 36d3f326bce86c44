package org.tlsscope.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** if_tsresol (pcapng section 4.2): 10^-n or, with the top bit set, 2^-n seconds per unit. */
class TimestampResolutionTest {
    @ParameterizedTest(name = "if_tsresol 0x{0}, {1} ticks")
    @CsvSource({
            "06, 1500000, 1500000000", // microseconds, the default
            "09, 1500000001, 1500000001", // nanoseconds
            "03, 1234, 1234000000", // milliseconds
            "00, 7, 7000000000", // seconds
            "0c, 1500000000123, 1500000000", // picoseconds: below a nanosecond is dropped
            "50, 123456, 0", // 10^-80: far below a nanosecond
            "80, 7, 7000000000", // 2^0
            "8a, 1536, 1500000000", // 2^-10: 1.5 s
            "a0, 6442450944, 1500000000", // 2^-32: needs more than 64 bits for ticks * 10^9
            "c0, -9223372036854775808, 500000000", // 2^-64: half of 2^64 ticks is half a second
    })
    void convertsTicksToNanoseconds(String option, long ticks, long nanos) {
        assertThat(TimestampResolution.fromOption(Integer.parseInt(option, 16)).toNanos(ticks)).isEqualTo(nanos);
    }
}
