package org.tlsscope.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The summary's timestamps read as {@link Instant#toString} writes them, whatever came before. */
class IsoTimePropertiesTest {
    private final IsoTime time = new IsoTime();

    @Property(tries = 2000)
    void writesWhatInstantWrites(@ForAll @LongRange(min = -5_000_000_000_000_000_000L, max = Long.MAX_VALUE) long nanos,
                                 @ForAll boolean micros) {
        long t = micros ? nanos - Math.floorMod(nanos, 1_000L) : nanos;
        assertThat(time.format(t)).isEqualTo(Instant.ofEpochSecond(0, t).toString());
        // The next moments of the same second, whole milliseconds, and the second itself.
        long second = Math.floorDiv(t, 1_000_000_000L) * 1_000_000_000L;
        for (long later : new long[] {second, second + 5_000_000, second + 123_456_000, second + 999_999_999}) {
            assertThat(time.format(later)).isEqualTo(Instant.ofEpochSecond(0, later).toString());
        }
    }
}
