package org.tlsscope.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsscope.tcp.Direction.CLIENT_TO_SERVER;
import static org.tlsscope.tcp.Direction.SERVER_TO_CLIENT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.IntRange;
import org.tlsscope.net.Endpoint;
import org.tlsscope.net.TcpSegment;

class TcpReassemblerPropertiesTest {
    private static final Endpoint CLIENT = Wire.CLIENT;
    private static final Endpoint SERVER = Wire.SERVER;

    /** Initial sequence numbers anywhere, and often close enough to 2^32 for the streams to wrap. */
    @Provide
    Arbitrary<Long> isns() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 0xffff_ffffL),
                Arbitraries.longs().between(0x1_0000_0000L - 16_000, 0xffff_ffffL));
    }

    /** Stream lengths spread evenly, so that long streams of many segments are as common as short ones. */
    @Provide
    Arbitrary<Integer> streamLengths() {
        return Arbitraries.integers().between(0, 12_000).withDistribution(RandomDistribution.uniform());
    }

    @Property(tries = 60)
    void reassemblesBothStreamsExactlyDespiteReorderingDuplicatesAndOverlaps(
            @ForAll("streamLengths") int clientLength, @ForAll("streamLengths") int serverLength,
            @ForAll("isns") long clientIsn, @ForAll("isns") long serverIsn, @ForAll Random random) {
        byte[] clientBytes = randomBytes(clientLength, random);
        byte[] serverBytes = randomBytes(serverLength, random);
        Conversation talk = Conversation.jumbled(CLIENT, SERVER, clientBytes, serverBytes, clientIsn, serverIsn,
                true, random);
        Wire wire = new Wire();
        Recorder recorder = new Recorder();
        TcpReassembler tcp = new TcpReassembler(recorder);
        talk.handshake(wire).forEach(tcp::accept);
        talk.segments(wire).forEach(tcp::accept);
        assertThat(tcp.openConnections()).isZero();
        tcp.finish(wire.lastFrame());

        Recorder.Connection c = recorder.only();
        assertThat(c.bytes(CLIENT_TO_SERVER)).isEqualTo(clientBytes);
        assertThat(c.bytes(SERVER_TO_CLIENT)).isEqualTo(serverBytes);
        assertThat(c.gaps(CLIENT_TO_SERVER)).isEmpty();
        assertThat(c.gaps(SERVER_TO_CLIENT)).isEmpty();
        assertThat(c.endReason()).isEqualTo(StreamHandler.EndReason.FIN);
        assertThat(recorder.problems).isEmpty();
    }

    @Property(tries = 60)
    void aSegmentTheCaptureMissedBecomesOneGapOfItsSize(
            @ForAll("streamLengths") int clientLength, @ForAll("streamLengths") int serverLength,
            @ForAll("isns") long clientIsn, @ForAll("isns") long serverIsn, @ForAll @IntRange(max = 10_000) int pick,
            @ForAll Random random) {
        Assume.that(clientLength + serverLength > 0);
        byte[] clientBytes = randomBytes(clientLength, random);
        byte[] serverBytes = randomBytes(serverLength, random);
        Conversation talk = Conversation.jumbled(CLIENT, SERVER, clientBytes, serverBytes, clientIsn, serverIsn,
                false, random);
        List<Integer> withData = new ArrayList<>();
        for (int i = 0; i < talk.order.size(); i++) {
            if (talk.order.get(i).length() > 0) {
                withData.add(i);
            }
        }
        int dropped = withData.get(pick % withData.size());
        Conversation.Planned lost = talk.order.get(dropped);

        Wire wire = new Wire();
        Recorder recorder = new Recorder();
        TcpReassembler tcp = new TcpReassembler(recorder);
        talk.handshake(wire).forEach(tcp::accept);
        List<TcpSegment> captured = new ArrayList<>(talk.segments(wire));
        captured.remove(dropped);
        captured.forEach(tcp::accept);
        tcp.finish(wire.lastFrame());

        Recorder.Connection c = recorder.only();
        Direction d = lost.direction();
        byte[] original = talk.bytes(d);
        assertThat(c.gaps(d)).extracting(Recorder.Gap::missing).containsExactly((long) lost.length());
        assertThat(replay(c, d.reverse(), talk.bytes(d.reverse()), 0)).isEqualTo(talk.bytes(d.reverse()).length);
        assertThat(replay(c, d, original, 0)).isEqualTo(original.length);
        byte[] expected = new byte[original.length - lost.length()];
        System.arraycopy(original, 0, expected, 0, lost.offset());
        System.arraycopy(original, lost.offset() + lost.length(), expected, lost.offset(),
                original.length - lost.offset() - lost.length());
        assertThat(c.bytes(d)).isEqualTo(expected);
        assertThat(c.bytes(d.reverse())).isEqualTo(talk.bytes(d.reverse()));
        assertThat(c.gaps(d.reverse())).isEmpty();
        assertThat(c.endReason()).isIn(StreamHandler.EndReason.FIN, StreamHandler.EndReason.CAPTURE_END);
    }

    @Property(tries = 60)
    void aCaptureStartingMidStreamDeliversEachStreamFromTheFirstSegmentSeen(
            @ForAll("streamLengths") int clientLength, @ForAll("streamLengths") int serverLength,
            @ForAll("isns") long clientIsn, @ForAll("isns") long serverIsn, @ForAll Random random) {
        byte[] clientBytes = randomBytes(clientLength, random);
        byte[] serverBytes = randomBytes(serverLength, random);
        Conversation talk = Conversation.jumbled(CLIENT, SERVER, clientBytes, serverBytes, clientIsn, serverIsn,
                true, random);
        Wire wire = new Wire();
        List<TcpSegment> all = talk.segments(wire);
        int skipped = random.nextInt(all.size() / 2 + 1);
        List<TcpSegment> captured = all.subList(skipped, all.size());
        Assume.that(captured.stream().anyMatch(s -> s.payloadWireLength() > 0));

        Recorder recorder = new Recorder();
        TcpReassembler tcp = new TcpReassembler(recorder);
        captured.forEach(tcp::accept);
        tcp.finish(wire.lastFrame());

        Recorder.Connection c = recorder.only();
        assertThat(c.connection.sawSyn()).isFalse();
        assertThat(c.connection.client()).isEqualTo(CLIENT);
        // The first segment with data opens the connection; from it on, each direction starts at its
        // first segment with data or a FIN. Whatever was sent before that start is not looked for.
        List<Conversation.Planned> seen = talk.order.subList(skipped, talk.order.size());
        int opening = skipped + seen.indexOf(seen.stream().filter(p -> p.length() > 0).findFirst().orElseThrow());
        List<Conversation.Planned> fromOpening = talk.order.subList(opening, talk.order.size());
        for (Direction d : Direction.values()) {
            List<Conversation.Planned> starters = fromOpening.stream()
                    .filter(p -> p.direction() == d && (p.length() > 0 || p.fin())).toList();
            if (starters.isEmpty()) {
                assertThat(c.bytes(d)).isEmpty();
                continue;
            }
            long end = replay(c, d, talk.bytes(d), starters.getFirst().offset());
            if (starters.stream().anyMatch(Conversation.Planned::fin)) {
                assertThat(end).isEqualTo(talk.bytes(d).length);
            } else {
                assertThat(end).isLessThanOrEqualTo(talk.bytes(d).length);
            }
        }
    }

    @Property(tries = 40)
    void memoryStaysBoundedAndEveryConnectionEndsOnce(
            @ForAll @IntRange(min = 1, max = 10) int conversations, @ForAll @IntRange(min = 1, max = 4) int maxOpen,
            @ForAll @IntRange(max = 4_000) int maxBuffered, @ForAll Random random) {
        Wire wire = new Wire();
        List<Conversation> talks = new ArrayList<>();
        List<List<TcpSegment>> streams = new ArrayList<>();
        for (int i = 0; i < conversations; i++) {
            byte[] up = randomBytes(random.nextInt(4_000), random);
            byte[] down = randomBytes(random.nextInt(4_000), random);
            Endpoint client = new Endpoint(CLIENT.address(), 40_000 + i);
            Conversation talk = Conversation.jumbled(client, SERVER, up, down, random.nextLong(0x1_0000_0000L),
                    random.nextLong(0x1_0000_0000L), random.nextBoolean(), random);
            talks.add(talk);
            List<TcpSegment> segments = new ArrayList<>(talk.handshake(wire));
            segments.addAll(talk.segments(wire));
            streams.add(segments);
        }
        Recorder recorder = new Recorder();
        TcpReassembler tcp = new TcpReassembler(recorder,
                TcpLimits.DEFAULT.withMaxConnections(maxOpen).withMaxBufferedBytes(maxBuffered));
        int[] next = new int[conversations];
        for (int left = streams.stream().mapToInt(List::size).sum(); left > 0; left--) {
            int i;
            do {
                i = random.nextInt(conversations);
            } while (next[i] == streams.get(i).size());
            tcp.accept(streams.get(i).get(next[i]++));
            assertThat(tcp.openConnections()).isLessThanOrEqualTo(maxOpen);
        }
        tcp.finish(wire.lastFrame());

        for (Recorder.Connection c : recorder.connections) {
            c.endReason(); // exactly once, and last
        }
        for (Conversation talk : talks) {
            List<Recorder.Connection> its = recorder.connections.stream()
                    .filter(c -> c.connection.client().equals(talk.client)).toList();
            if (its.size() != 1 || its.getFirst().endReason() == StreamHandler.EndReason.EVICTED) {
                continue;
            }
            // Never evicted, never lost a segment: a gap can only be the buffer bound, and says so.
            Recorder.Connection c = its.getFirst();
            for (Direction d : Direction.values()) {
                assertThat(replay(c, d, talk.bytes(d), 0)).isEqualTo(talk.bytes(d).length);
                boolean reported = recorder.problems.stream().anyMatch(p -> p.connection() == c.connection.id()
                        && p.direction() == d && p.code().equals("tcp.buffer_limit"));
                assertThat(reported).isEqualTo(!c.gaps(d).isEmpty());
            }
        }
    }

    private static byte[] randomBytes(int length, Random random) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /**
     * Walks one direction's deliveries over the original stream from offset {@code start}: every data
     * byte must be the original byte at its place, a gap skips its length. Answers where the walk ended.
     */
    private static long replay(Recorder.Connection c, Direction d, byte[] original, long start) {
        long at = start;
        for (Recorder.Event e : c.events) {
            switch (e) {
                case Recorder.Data data when data.direction() == d -> {
                    assertThat(data.bytes()).as("bytes at stream offset %d", at)
                            .isEqualTo(Arrays.copyOfRange(original, (int) at, (int) at + data.bytes().length));
                    at += data.bytes().length;
                }
                case Recorder.Gap gap when gap.direction() == d -> at += gap.missing();
                default -> {
                }
            }
        }
        return at;
    }
}
