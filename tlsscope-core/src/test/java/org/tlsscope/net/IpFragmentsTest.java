package org.tlsscope.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsscope.net.Packets.LINKTYPE_IPV6;
import static org.tlsscope.net.Packets.LINKTYPE_RAW;
import static org.tlsscope.net.Packets.frame;
import static org.tlsscope.net.Packets.ipv4Fragment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tlsscope.bytes.Slice;

/** Fragment reassembly, with fragments cut per RFC 791 section 3.2 and RFC 8200 section 4.5. */
class IpFragmentsTest {
    private static final byte[] DATA = "GET / HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    /** A TCP segment of 20 + 51 bytes, cut below into fragments at offsets 0, 24 and 48. */
    private static final byte[] SEGMENT = Packets.tcp(49152, 443, 1000, TcpSegment.PSH | TcpSegment.ACK, DATA);

    @Test
    void reassemblesIpv4FragmentsArrivingOutOfOrder() {
        PacketDecoder decoder = new PacketDecoder();

        assertThat(decoder.decode(frame(LINKTYPE_RAW, ipv4Fragment(7, SEGMENT, 48, SEGMENT.length, false)))).isNull();
        assertThat(decoder.decode(frame(LINKTYPE_RAW, ipv4Fragment(7, SEGMENT, 0, 24, true)))).isNull();
        TcpSegment segment = decoder.decode(frame(LINKTYPE_RAW, ipv4Fragment(7, SEGMENT, 24, 48, true)));

        assertThat(segment).isNotNull();
        assertThat(segment.src()).hasToString("10.0.0.1:49152");
        assertThat(segment.dst()).hasToString("10.0.0.2:443");
        assertThat(segment.payload().contentEquals(Slice.of(DATA))).isTrue();
        assertThat(segment.payloadWireLength()).isEqualTo(DATA.length);
        assertThat(segment.layers()).extracting(LayerSpan::name).containsExactly("IPv4", "TCP (in reassembled datagram)");
        assertThat(decoder.counts()).isEqualTo(new DecoderCounts(3, 0, 0, 3, 0));
    }

    @Test
    void overlappingFragmentCannotRewriteBytesAlreadyReceived() {
        PacketDecoder decoder = new PacketDecoder();
        byte[] forged = SEGMENT.clone();
        Arrays.fill(forged, 24, forged.length, (byte) 'X');

        decoder.decode(frame(LINKTYPE_RAW, ipv4Fragment(9, SEGMENT, 0, 32, true)));
        // Overlaps bytes 24..31 already received, and brings 32..47 that were missing.
        decoder.decode(frame(LINKTYPE_RAW, ipv4Fragment(9, forged, 24, 48, true)));
        TcpSegment segment = decoder.decode(frame(LINKTYPE_RAW, ipv4Fragment(9, SEGMENT, 48, SEGMENT.length, false)));

        byte[] expected = SEGMENT.clone();
        Arrays.fill(expected, 32, 48, (byte) 'X');
        assertThat(segment.payload().contentEquals(Slice.of(expected).from(20))).isTrue();
    }

    @Test
    void fragmentsOfDifferentDatagramsStayApart() {
        PacketDecoder decoder = new PacketDecoder();

        decoder.decode(frame(LINKTYPE_RAW, ipv4Fragment(1, SEGMENT, 0, 24, true)));
        assertThat(decoder.decode(frame(LINKTYPE_RAW, ipv4Fragment(2, SEGMENT, 24, SEGMENT.length, false)))).isNull();
        assertThat(decoder.decode(frame(LINKTYPE_RAW, ipv4Fragment(1, SEGMENT, 24, SEGMENT.length, false)))).isNotNull();
    }

    @Test
    void fragmentEndingPastTheDatagramLimitIsMalformed() {
        PacketDecoder decoder = new PacketDecoder();
        byte[] last = Packets.ipv4(0x0a000001, 0x0a000002, 6, 3, 8189, new byte[64]);

        assertThat(decoder.decode(frame(LINKTYPE_RAW, last))).isNull();
        assertThat(decoder.counts().malformedHeaders()).isEqualTo(1);
    }

    @Test
    void reassemblerKeepsABoundedNumberOfDatagrams() {
        FragmentReassembler reassembler = new FragmentReassembler();
        IpAddress a = IpAddress.v4(0x0a000001);
        IpAddress b = IpAddress.v4(0x0a000002);

        for (int id = 0; id < FragmentReassembler.MAX_PENDING + 50; id++) {
            reassembler.offer(new FragmentReassembler.Key(a, b, 6, id), 0, true, 6, Slice.of(new byte[8]), 0);
        }
        assertThat(reassembler.pendingCount()).isEqualTo(FragmentReassembler.MAX_PENDING);

        // The oldest were dropped to make room: completing datagram 0 no longer works, the newest does.
        assertThat(reassembler.offer(new FragmentReassembler.Key(a, b, 6, 0), 8, false, 6, Slice.of(new byte[8]), 0))
                .isNull();
        assertThat(reassembler.offer(new FragmentReassembler.Key(a, b, 6, FragmentReassembler.MAX_PENDING + 49), 8,
                false, 6, Slice.of(new byte[8]), 0)).isNotNull();
    }

    @Test
    void staleDatagramsAreDropped() {
        FragmentReassembler reassembler = new FragmentReassembler();
        FragmentReassembler.Key key = new FragmentReassembler.Key(IpAddress.v4(1), IpAddress.v4(2), 6, 5);

        reassembler.offer(key, 0, true, 6, Slice.of(new byte[8]), 0);
        long twoMinutesLater = 120_000_000_000L;

        assertThat(reassembler.offer(key, 8, false, 6, Slice.of(new byte[8]), twoMinutesLater)).isNull();
        assertThat(reassembler.pendingCount()).isEqualTo(1);
    }

    @Test
    void reassemblesIpv6FragmentsWithTheProtocolOfTheFirst() {
        PacketDecoder decoder = new PacketDecoder();
        byte[] first = Packets.concat(Packets.fragmentHeader(6, 0, true, 0xcafe), Arrays.copyOfRange(SEGMENT, 0, 40));
        // Later fragments may name any next header (RFC 8200 4.5): only the first one counts.
        byte[] second = Packets.concat(Packets.fragmentHeader(59, 40, false, 0xcafe),
                Arrays.copyOfRange(SEGMENT, 40, SEGMENT.length));

        assertThat(decoder.decode(frame(LINKTYPE_IPV6, Packets.ipv6(44, first)))).isNull();
        TcpSegment segment = decoder.decode(frame(LINKTYPE_IPV6, Packets.ipv6(44, second)));

        assertThat(segment.src()).hasToString("[2001:db8::1]:49152");
        assertThat(segment.payload().contentEquals(Slice.of(DATA))).isTrue();
        assertThat(segment.layers()).extracting(LayerSpan::name)
                .containsExactly("IPv6", "IPv6 Fragment", "TCP (in reassembled datagram)");
        assertThat(decoder.counts().ipFragments()).isEqualTo(2);
    }

    @Test
    void atomicIpv6FragmentIsAWholeDatagram() {
        byte[] packet = Packets.ipv6(44, Packets.concat(Packets.fragmentHeader(6, 0, false, 1), SEGMENT));

        TcpSegment segment = new PacketDecoder().decode(frame(LINKTYPE_IPV6, packet));

        assertThat(segment.payload().contentEquals(Slice.of(DATA))).isTrue();
        assertThat(segment.layers()).extracting(LayerSpan::offset).containsExactly(0, 40, 48);
    }
}
