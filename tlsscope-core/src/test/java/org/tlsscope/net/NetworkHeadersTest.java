package org.tlsscope.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsscope.net.Packets.LINKTYPE_IPV6;
import static org.tlsscope.net.Packets.LINKTYPE_RAW;
import static org.tlsscope.net.Packets.frame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsscope.bytes.Slice;
import org.tlsscope.capture.Frame;

/** Link types and headers the corpus has no example of, built per their specifications. */
class NetworkHeadersTest {
    private static final byte[] DATA = "hello".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEGMENT = Packets.tcp(40000, 443, 1, TcpSegment.ACK, DATA);
    private static final byte[] IPV4 = Packets.ipv4(0x7f000001, 0x7f000001, 6, 1, 0x4000, SEGMENT);

    @ParameterizedTest(name = "linktype {0}, header {1}")
    @CsvSource({
            "0, 02000000", // NULL, little-endian host
            "0, 00000002", // NULL, big-endian host: detected from the zero low half, as Wireshark does
            "108, 00000002", // LOOP, network byte order
    })
    void loopbackFamilyInEitherByteOrder(int linkType, String header) {
        TcpSegment segment = new PacketDecoder().decode(frame(linkType, Packets.concat(Slice.ofHex(header).toArray(), IPV4)));

        assertThat(segment.layers().getFirst().name()).isEqualTo("Family: IP");
        assertThat(segment.payload().contentEquals(Slice.of(DATA))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"18000000", "1c000000", "1e000000", "0000001e"})
    void loopbackIpv6Families(String header) {
        byte[] packet = Packets.concat(Slice.ofHex(header).toArray(), Packets.ipv6(6, SEGMENT));

        TcpSegment segment = new PacketDecoder().decode(frame(0, packet));

        assertThat(segment.layers()).extracting(LayerSpan::name).containsExactly("Family: IPv6", "IPv6", "TCP");
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 12, 14, 228})
    void rawIpv4LinkTypes(int linkType) {
        TcpSegment segment = new PacketDecoder().decode(frame(linkType, IPV4));

        assertThat(segment.src()).hasToString("127.0.0.1:40000");
        assertThat(segment.layers()).extracting(LayerSpan::offset).containsExactly(0, 20);
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 229})
    void rawIpv6LinkTypes(int linkType) {
        TcpSegment segment = new PacketDecoder().decode(frame(linkType, Packets.ipv6(6, SEGMENT)));

        assertThat(segment.dst()).hasToString("[2001:db8::2]:443");
    }

    @Test
    void walksTheIpv6ExtensionHeaderChain() {
        byte[] chain = Packets.concat(
                Packets.optionsHeader(60, 1), // Hop-by-Hop, then Destination Options
                Packets.optionsHeader(43, 2), // Destination Options (16 bytes), then Routing
                Packets.optionsHeader(51, 1), // Routing, then AH
                Packets.authenticationHeader(6), // AH, then TCP
                SEGMENT);

        TcpSegment segment = new PacketDecoder().decode(frame(LINKTYPE_IPV6, Packets.ipv6(0, chain)));

        assertThat(segment.layers()).extracting(LayerSpan::name).containsExactly("IPv6", "IPv6 Hop-by-Hop Options",
                "IPv6 Destination Options", "IPv6 Routing", "Authentication Header", "TCP");
        assertThat(segment.layers()).extracting(LayerSpan::offset).containsExactly(0, 40, 48, 64, 72, 96);
        assertThat(segment.payloadWireLength()).isEqualTo(DATA.length);
        assertThat(segment.payload().contentEquals(Slice.of(DATA))).isTrue();
    }

    @ParameterizedTest(name = "next header {0}")
    @ValueSource(ints = {50, 59, 17})
    void chainEndingInEspNoNextHeaderOrUdpIsNotTcp(int nextHeader) {
        PacketDecoder decoder = new PacketDecoder();

        assertThat(decoder.decode(frame(LINKTYPE_IPV6, Packets.ipv6(0, Packets.concat(
                Packets.optionsHeader(nextHeader, 1), new byte[24]))))).isNull();
        assertThat(decoder.counts()).isEqualTo(new DecoderCounts(1, 0, 1, 0, 0));
    }

    @Test
    void extensionHeaderRunningPastThePacketIsMalformed() {
        PacketDecoder decoder = new PacketDecoder();
        byte[] tooLong = Packets.optionsHeader(6, 1);
        tooLong[1] = 10;

        assertThat(decoder.decode(frame(LINKTYPE_IPV6, Packets.ipv6(0, tooLong)))).isNull();
        assertThat(decoder.counts().malformedHeaders()).isEqualTo(1);
    }

    @Test
    void ipv4HeaderLengthBelowTheMinimumIsMalformed() {
        PacketDecoder decoder = new PacketDecoder();
        byte[] packet = IPV4.clone();
        packet[0] = 0x44;

        assertThat(decoder.decode(frame(LINKTYPE_RAW, packet))).isNull();
        assertThat(decoder.counts()).isEqualTo(new DecoderCounts(1, 0, 0, 0, 1));
    }

    @Test
    void ipv4TotalLengthExcludesLinkPadding() {
        byte[] padded = Packets.concat(IPV4, new byte[12]);

        TcpSegment segment = new PacketDecoder().decode(frame(LINKTYPE_RAW, padded));

        assertThat(segment.payload().contentEquals(Slice.of(DATA))).isTrue();
        assertThat(segment.payloadWireLength()).isEqualTo(DATA.length);
    }

    @Test
    void snaplenCutShowsAsAShorterPayload() {
        byte[] cut = java.util.Arrays.copyOf(IPV4, IPV4.length - 3);
        Frame frame = new Frame(1, 0, LINKTYPE_RAW, Slice.of(cut), IPV4.length, 0);

        TcpSegment segment = new PacketDecoder().decode(frame);

        assertThat(segment.payload().length()).isEqualTo(2);
        assertThat(segment.payloadWireLength()).isEqualTo(5);
    }

    @Test
    void tcpDataOffsetBeyondTheSegmentIsMalformed() {
        PacketDecoder decoder = new PacketDecoder();
        byte[] segment = SEGMENT.clone();
        segment[12] = (byte) 0xf0;

        assertThat(decoder.decode(frame(LINKTYPE_RAW, Packets.ipv4(1, 2, 6, 1, 0, segment)))).isNull();
        assertThat(decoder.counts().malformedHeaders()).isEqualTo(1);
    }

    @Test
    void malformedTcpOptionIsNotedButTheSegmentKept() {
        // Maximum Segment Size (kind 2) claiming length 9 inside 4 bytes of options.
        byte[] segment = Packets.tcp(1, 2, 3, TcpSegment.SYN, new byte[] {2, 9, 0, 0}, new byte[0]);

        TcpSegment decoded = new PacketDecoder().decode(frame(LINKTYPE_RAW, Packets.ipv4(1, 2, 6, 1, 0, segment)));

        assertThat(decoded.layers().getLast().description()).endsWith("malformed option 2 at header offset 20");
    }

    @Test
    void nonIpFramesAreCounted() {
        PacketDecoder decoder = new PacketDecoder();
        byte[] arp = Slice.ofHex("ffffffffffff 001122334455 0806 0001080006040001").toArray();

        assertThat(decoder.decode(frame(1, arp))).isNull();
        assertThat(decoder.decode(frame(147, IPV4))).isNull();
        assertThat(decoder.decode(frame(1, new byte[10]))).isNull();
        assertThat(decoder.counts()).isEqualTo(new DecoderCounts(3, 2, 0, 0, 1));
    }
}
