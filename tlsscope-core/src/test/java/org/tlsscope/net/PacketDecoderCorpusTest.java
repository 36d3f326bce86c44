package org.tlsscope.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.capture.Frame;
import org.tlsscope.testing.Corpus;
import org.tlsscope.testing.TsharkFields;

/** Every TCP segment of real captures, one per link type and encapsulation, against tshark. */
class PacketDecoderCorpusTest {
    private static final String[] TSHARK_FIELDS = {"frame.number", "ip.src", "ipv6.src", "tcp.srcport", "ip.dst",
            "ipv6.dst", "tcp.dstport", "tcp.seq_raw", "tcp.flags", "tcp.len", "tcp.window_size_value"};

    @ParameterizedTest
    @ValueSource(strings = {
            "illustrated-tls13/captures/capture.pcap", // NULL, IPv4
            "ja4/ipv6.pcapng", // NULL, IPv6 (AF_INET6 30, macOS)
            "zeek/pppoe-over-qinq.pcap", // Ethernet, two VLAN tags, PPPoE session
            "ndpi/ja3_lots_of_cipher_suites.pcap", // Ethernet, two 802.1Q tags
            "ndpi/rdp_over_tls.pcap", // Ethernet, one 802.1Q tag
            "ndpi/KakaoTalk_chat.pcap", // Linux cooked v1, with UDP
            "zeek/tls/openjdk-25.0.2-zeek.org.pcap", // Linux cooked v2
            "pcapplusplus/Pcap++Test/PcapExamples/sll2.pcap", // Linux cooked v2
            "suricata-verify/bug-5881-01/input.pcap", // raw IP
            "pcapplusplus/Pcap++Test/PcapExamples/pcapng-example.pcapng", // Ethernet and cooked v1, snaplen 128
            "suricata-verify/tls/tls-subjectaltname/input.pcap", // Ethernet, IPv6 Hop-by-Hop, ARP
    })
    void decodesTheSameSegmentsAsTshark(String relative) throws IOException {
        Path file = Corpus.file(relative);
        // Segments quoted inside ICMP errors are not the connection's own.
        List<List<String>> reference = TsharkFields.fields(file, "tcp and not icmp and not icmpv6", TSHARK_FIELDS);

        List<TcpSegment> segments = decodeAll(file, new PacketDecoder());

        assertThat(segments).hasSameSizeAs(reference);
        for (int i = 0; i < segments.size(); i++) {
            TcpSegment segment = segments.get(i);
            List<String> row = reference.get(i);
            String frame = "frame " + row.get(0);
            assertThat(segment.frame().number()).as(frame).isEqualTo(Long.parseLong(row.get(0)));
            assertThat(segment.src().address().toString()).as(frame).isEqualTo(row.get(1) + row.get(2));
            assertThat(segment.src().port()).as(frame).isEqualTo(Integer.parseInt(row.get(3)));
            assertThat(segment.dst().address().toString()).as(frame).isEqualTo(row.get(4) + row.get(5));
            assertThat(segment.dst().port()).as(frame).isEqualTo(Integer.parseInt(row.get(6)));
            assertThat(segment.seq()).as(frame).isEqualTo(Long.parseLong(row.get(7)));
            assertThat(segment.flags()).as(frame).isEqualTo(Integer.decode(row.get(8)));
            assertThat(segment.payloadWireLength()).as(frame).isEqualTo(Integer.parseInt(row.get(9)));
            assertThat(segment.window()).as(frame).isEqualTo(Integer.parseInt(row.get(10)));
            assertThat(segment.payload().length()).as(frame).isLessThanOrEqualTo(segment.payloadWireLength());
        }
    }

    @Test
    void snaplenTruncationShowsInThePayloadLength() throws IOException {
        List<TcpSegment> segments = decodeAll(
                Corpus.file("pcapplusplus/Pcap++Test/PcapExamples/pcapng-example.pcapng"), new PacketDecoder());

        assertThat(segments).anySatisfy(segment -> {
            assertThat(segment.frame().truncated()).isTrue();
            assertThat(segment.payload().length()).isLessThan(segment.payloadWireLength());
            assertThat(segment.layers().getLast().description()).contains(" captured)");
        });
    }

    @Test
    void countsWhatIsNotTcp() throws IOException {
        // tshark -r F | wc -l: 3138; -Y 'not ip and not ipv6': 48 (ARP); -Y '(ip or ipv6) and not tcp': 108.
        PacketDecoder decoder = new PacketDecoder();
        List<TcpSegment> segments = decodeAll(Corpus.file("suricata-verify/tls/tls-subjectaltname/input.pcap"), decoder);

        assertThat(decoder.counts()).isEqualTo(new DecoderCounts(3138, 48, 108, 0, 0));
        assertThat(segments).hasSize(3138 - 48 - 108);
    }

    @Test
    void layersOfALoopbackPacketAreThoseThePostShows() throws IOException {
        TcpSegment first = decodeAll(Corpus.file("illustrated-tls13/captures/capture.pcap"), new PacketDecoder()).getFirst();

        assertThat(first.layers()).extracting(LayerSpan::name).containsExactly("Family: IP", "IPv4", "TCP");
        assertThat(first.layers()).extracting(LayerSpan::offset).containsExactly(0, 4, 24);
        assertThat(first.layers().get(0).length()).isEqualTo(4);
        assertThat(first.layers().get(1).length()).isEqualTo(20);
        assertThat(first.layers().get(1).description()).startsWith("Src: 127.0.0.1, Dst: 127.0.0.1,");
        assertThat(first.layers().get(2).description()).contains("Flags: SYN");
    }

    @Test
    void aDecoderNotAskedForLayersDecodesTheSameSegmentsWithoutThem() throws IOException {
        Path file = Corpus.file("zeek/pppoe-over-qinq.pcap");
        List<TcpSegment> described = decodeAll(file, new PacketDecoder());
        List<TcpSegment> bare = decodeAll(file, new PacketDecoder(false));

        assertThat(bare).hasSameSizeAs(described).allSatisfy(s -> assertThat(s.layers()).isEmpty());
        assertThat(bare).extracting(TcpSegment::seq).isEqualTo(described.stream().map(TcpSegment::seq).toList());
        assertThat(described).allSatisfy(s -> assertThat(s.layers()).isNotEmpty());
    }

    @Test
    void layersOfAPppoeOverQinqPacket() throws IOException {
        TcpSegment first = decodeAll(Corpus.file("zeek/pppoe-over-qinq.pcap"), new PacketDecoder()).getFirst();

        assertThat(first.layers()).extracting(LayerSpan::name).containsExactly("Ethernet II", "802.1Q Virtual LAN",
                "802.1Q Virtual LAN", "PPPoE Session", "Point-to-Point Protocol", "IPv4", "TCP");
        assertThat(first.layers()).extracting(LayerSpan::offset).containsExactly(0, 14, 18, 22, 28, 30, 50);
    }

    static List<TcpSegment> decodeAll(Path file, PacketDecoder decoder) throws IOException {
        List<TcpSegment> segments = new ArrayList<>();
        try (CaptureReader reader = Captures.open(file)) {
            for (Frame frame = reader.next(); frame != null; frame = reader.next()) {
                TcpSegment segment = decoder.decode(frame);
                if (segment != null) {
                    segments.add(segment);
                }
            }
        }
        return segments;
    }
}
