package org.tlsscope.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * IPv6 addresses in the text RFC 5952 recommends: the same address read back, lower case, no leading zero in a
 * group, the longest run of two or more zero groups (the first of equal runs) as "::" (section 4), and an embedded
 * IPv4 address as a dotted quad where inet_ntop and tshark write one (section 5).
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
        for (String group : hexGroups(text)) {
            assertThat(group).hasSizeLessThanOrEqualTo(4);
            assertThat(group.length() <= 1 || group.charAt(0) != '0').as("no leading zero in %s", group).isTrue();
        }
        int[] run = firstLongestZeroRun(groups);
        assertThat(compressed(text)).isEqualTo(run);
        // IPv4-mapped (the run is the first five groups, then ffff) and IPv4-compatible (the first six) end in a
        // dotted quad, as inet_ntop and tshark write them.
        boolean embedsIpv4 = run[0] == 0 && (run[1] == 6 || run[1] == 5 && groups[5] == 0xffff);
        assertThat(text.contains(".")).isEqualTo(embedsIpv4);
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

    /** What tshark 4.0 writes for these addresses (checked on a capture of them). */
    @Test
    void writesEmbeddedIpv4AddressesAsTsharkDoes() {
        assertThat(IpAddress.v6(0, 0x0000ffffc0000201L)).hasToString("::ffff:192.0.2.1");
        assertThat(IpAddress.v6(0, 0x00000000c0000201L)).hasToString("::192.0.2.1");
        assertThat(IpAddress.v6(0, 0x0000ffff00000000L)).hasToString("::ffff:0.0.0.0");
        assertThat(IpAddress.v6(0, 2)).hasToString("::2");
        assertThat(IpAddress.v6(0x0064ff9b00000000L, 0x00000000c0000201L)).hasToString("64:ff9b::c000:201");
    }

    /**
     * Groups with many zeros and runs of them, so that every rule of the compression is met often; and IPv4-mapped
     * and IPv4-compatible addresses.
     */
    @Provide
    Arbitrary<int[]> groups() {
        Arbitrary<Integer> group = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.integers().between(1, 0xf)),
                Tuple.of(3, Arbitraries.integers().between(0, 0xffff)));
        Arbitrary<int[]> embedded = Arbitraries.integers().between(0, 0xffff).array(int[].class).ofSize(2)
                .flatMap(ipv4 -> Arbitraries.of(0, 0xffff).map(g5 -> new int[] {0, 0, 0, 0, 0, g5, ipv4[0], ipv4[1]}));
        return Arbitraries.frequencyOf(Tuple.of(4, group.array(int[].class).ofSize(8)), Tuple.of(1, embedded));
    }

    /** The hexadecimal groups of the text (not an embedded dotted quad). */
    private static List<String> hexGroups(String text) {
        return Arrays.stream(text.split(":")).filter(g -> !g.isEmpty() && !g.contains(".")).toList();
    }

    /** The eight groups the text stands for, "::" expanded and a dotted quad read as the last two. */
    private static int[] readBack(String text) {
        List<Integer> head = new ArrayList<>();
        List<Integer> tail = new ArrayList<>();
        String[] sides = text.split("::", -1);
        parseGroups(sides[0], head);
        if (sides.length == 2) {
            parseGroups(sides[1], tail);
        }
        int[] groups = new int[8];
        for (int i = 0; i < head.size(); i++) {
            groups[i] = head.get(i);
        }
        for (int i = 0; i < tail.size(); i++) {
            groups[8 - tail.size() + i] = tail.get(i);
        }
        return groups;
    }

    private static void parseGroups(String side, List<Integer> into) {
        for (String g : side.isEmpty() ? new String[0] : side.split(":")) {
            if (g.contains(".")) {
                String[] q = g.split("\\.");
                into.add(Integer.parseInt(q[0]) << 8 | Integer.parseInt(q[1]));
                into.add(Integer.parseInt(q[2]) << 8 | Integer.parseInt(q[3]));
            } else {
                into.add(Integer.parseInt(g, 16));
            }
        }
    }

    /** Where the "::" of the text stands and how many zero groups it stands for ({0, 0} without one). */
    private static int[] compressed(String text) {
        if (!text.contains("::")) {
            return new int[] {0, 0};
        }
        String[] sides = text.split("::", -1);
        List<Integer> before = new ArrayList<>();
        List<Integer> after = new ArrayList<>();
        parseGroups(sides[0], before);
        parseGroups(sides[1], after);
        return new int[] {before.size(), 8 - before.size() - after.size()};
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
