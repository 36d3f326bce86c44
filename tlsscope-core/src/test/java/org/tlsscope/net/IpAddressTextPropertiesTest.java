package org.tlsscope.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * IPv6 addresses in the text RFC 5952 section 4 recommends: the same address read back, lower case, no leading
 * zero in a group, and the longest run of two or more zero groups (the first of equal runs) as "::".
 */
class IpAddressTextPropertiesTest {

    @Property(tries = 3000)
    void writesTheRecommendedTextOfTheAddress(@ForAll("groups") int[] groups) {
        ByteBuffer bytes = ByteBuffer.allocate(16);
        for (int g : groups) {
            bytes.putShort((short) g);
        }
        String text = IpAddress.v6(bytes.getLong(0), bytes.getLong(8)).toString();

        assertThat(readBack(text)).isEqualTo(groups);
        assertThat(text).isEqualTo(text.toLowerCase()).doesNotContain(":::");
        assertThat(text.split("::", -1)).hasSizeLessThanOrEqualTo(2);
        for (String group : text.split(":")) {
            assertThat(group).hasSizeLessThanOrEqualTo(4);
            assertThat(group.length() <= 1 || group.charAt(0) != '0').as("no leading zero in %s", group).isTrue();
        }
        int[] run = firstLongestZeroRun(groups);
        assertThat(compressed(text)).isEqualTo(run);
    }

    @Test
    void writesTheExamplesOfTheRfc() {
        assertThat(IpAddress.v6(0x20010db800000000L, 0x0000000000000001L)).hasToString("2001:db8::1");
        assertThat(IpAddress.v6(0x20010db800000000L, 0x0001000000000001L)).hasToString("2001:db8::1:0:0:1");
        assertThat(IpAddress.v6(0x20010db800000001L, 0x0001000100010001L)).hasToString("2001:db8:0:1:1:1:1:1");
        assertThat(IpAddress.v6(0, 1)).hasToString("::1");
        assertThat(IpAddress.v6(0, 0)).hasToString("::");
        assertThat(IpAddress.v6(0x20010db80aaa0000L, 0x00000000000000ffL)).hasToString("2001:db8:aaa::ff");
    }

    /** Groups with many zeros and runs of them, so that every rule of the compression is met often. */
    @Provide
    Arbitrary<int[]> groups() {
        return Arbitraries.frequencyOf(
                        Tuple.of(5, Arbitraries.just(0)),
                        Tuple.of(2, Arbitraries.integers().between(1, 0xf)),
                        Tuple.of(3, Arbitraries.integers().between(0, 0xffff)))
                .array(int[].class).ofSize(8);
    }

    /** The eight groups the text stands for, "::" expanded. */
    private static int[] readBack(String text) {
        String[] sides = text.split("::", -1);
        String[] head = sides[0].isEmpty() ? new String[0] : sides[0].split(":");
        String[] tail = sides.length < 2 || sides[1].isEmpty() ? new String[0] : sides[1].split(":");
        int[] groups = new int[8];
        for (int i = 0; i < head.length; i++) {
            groups[i] = Integer.parseInt(head[i], 16);
        }
        for (int i = 0; i < tail.length; i++) {
            groups[8 - tail.length + i] = Integer.parseInt(tail[i], 16);
        }
        return groups;
    }

    /** Where the "::" of the text stands and how many zero groups it stands for ({0, 0} without one). */
    private static int[] compressed(String text) {
        if (!text.contains("::")) {
            return new int[] {0, 0};
        }
        String[] sides = text.split("::", -1);
        int before = sides[0].isEmpty() ? 0 : sides[0].split(":").length;
        int after = sides[1].isEmpty() ? 0 : sides[1].split(":").length;
        return new int[] {before, 8 - before - after};
    }

    /** RFC 5952 sections 4.2.2 and 4.2.3: the first of the longest runs of zero groups, if two or more long. */
    private static int[] firstLongestZeroRun(int[] groups) {
        int[] best = {0, 0};
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > best[1]) {
                best = new int[] {i, j - i};
            }
            i = Math.max(i, j);
        }
        return best[1] >= 2 ? best : new int[] {0, 0};
    }
}
