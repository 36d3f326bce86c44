package org.tlsscope.lab.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsscope.tcp.Direction;

/** The synthesized segments, read back byte by byte: flags, sequence and acknowledgement numbers, checksums. */
class TcpSynthesizerTest {
    private record Segment(int srcPort, long seq, long ack, int flags, int payload, boolean ipChecksumOk) {
    }

    @Test
    void handshakeDataSplitByMssAndFinExchange() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapWriter w = new PcapWriter(out, LinkType.NULL);
        Clock clock = Clock.fixed(Instant.parse("2014-12-23T10:00:00Z"), ZoneOffset.UTC);
        TcpSynthesizer tcp = new TcpSynthesizer(w, clock, new InetSocketAddress("127.0.0.1", 50000),
                new InetSocketAddress("127.0.0.1", 443), 1000);
        tcp.open();
        tcp.data(Direction.CLIENT_TO_SERVER, new byte[2500], 0, 2500);
        tcp.data(Direction.SERVER_TO_CLIENT, new byte[10], 0, 10);
        tcp.fin(Direction.CLIENT_TO_SERVER);
        tcp.fin(Direction.SERVER_TO_CLIENT);
        assertThat(tcp.closed()).isTrue();

        List<Segment> s = read(out.toByteArray());
        assertThat(s).extracting(Segment::flags).containsExactly(0x02, 0x12, 0x10, 0x18, 0x18, 0x18, 0x18, 0x11, 0x11, 0x10);
        assertThat(s).extracting(Segment::payload).containsExactly(0, 0, 0, 1000, 1000, 500, 10, 0, 0, 0);
        assertThat(s).allMatch(Segment::ipChecksumOk);
        long c = s.get(0).seq();
        long srv = s.get(1).seq();
        assertThat(s.get(1).ack()).isEqualTo(c + 1);
        assertThat(s.get(3).seq()).isEqualTo(c + 1);
        assertThat(s.get(5).seq()).isEqualTo(c + 2001);
        assertThat(s.get(6).ack()).isEqualTo((c + 2501) & 0xffffffffL);
        assertThat(s.get(7).seq()).isEqualTo((c + 2501) & 0xffffffffL); // client FIN
        assertThat(s.get(8).ack()).isEqualTo((c + 2502) & 0xffffffffL); // server FIN acknowledges it
        assertThat(s.get(9).ack()).isEqualTo((srv + 12) & 0xffffffffL); // final ACK: SYN + 10 bytes + FIN
        assertThat(s.get(9).srcPort()).isEqualTo(50000);
    }

    @Test
    void ipv6PacketsCarryTheSameSegmentsWithValidTcpChecksums() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapWriter w = new PcapWriter(out, LinkType.NULL);
        Clock clock = Clock.fixed(Instant.parse("2014-12-23T10:00:00Z"), ZoneOffset.UTC);
        TcpSynthesizer tcp = new TcpSynthesizer(w, clock, new InetSocketAddress("::1", 50000),
                new InetSocketAddress("::1", 443), 1000);
        tcp.open();
        tcp.data(Direction.CLIENT_TO_SERVER, "0123456789abc".getBytes(StandardCharsets.US_ASCII), 0, 13);
        tcp.fin(Direction.CLIENT_TO_SERVER);

        ByteBuffer b = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> payloads = new ArrayList<>();
        for (int at = 24; at < b.limit(); at += 16 + b.getInt(at + 8)) {
            int len = b.getInt(at + 8);
            assertThat(b.getInt(at + 16)).isEqualTo(24); // AF_INET6 as LINKTYPE_NULL lists it
            ByteBuffer ip = ByteBuffer.wrap(b.array(), at + 20, len - 4).slice();
            assertThat(ip.get(0) & 0xf0).isEqualTo(0x60);
            assertThat(ip.get(6)).isEqualTo((byte) 6); // next header: TCP
            int tcpLength = ip.getShort(4) & 0xffff;
            assertThat(tcpLength).isEqualTo(len - 4 - 40);
            byte[] loopback = new byte[16];
            loopback[15] = 1;
            assertThat(Arrays.copyOfRange(ip.array(), ip.arrayOffset() + 8, ip.arrayOffset() + 24)).isEqualTo(loopback);
            // RFC 8200 section 8.1: the sum over the pseudo-header (addresses, length, next header) and the
            // segment, its checksum included, is all ones.
            long sum = 0;
            for (int i = 8; i < 40; i += 2) {
                sum += ip.getShort(i) & 0xffff;
            }
            sum += tcpLength + 6;
            for (int i = 40; i < 40 + tcpLength; i += 2) {
                sum += i + 1 < 40 + tcpLength ? ip.getShort(i) & 0xffff : (ip.get(i) & 0xff) << 8;
            }
            while (sum >>> 16 != 0) {
                sum = (sum & 0xffff) + (sum >>> 16);
            }
            assertThat(sum).isEqualTo(0xffff);
            payloads.add(tcpLength - 20);
        }
        assertThat(payloads).containsExactly(0, 0, 0, 13, 0);
    }

    private static List<Segment> read(byte[] pcap) {
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).isEqualTo(0xa1b2c3d4);
        assertThat(b.getInt(20)).isZero(); // LINKTYPE_NULL
        List<Segment> out = new ArrayList<>();
        for (int at = 24; at < pcap.length; ) {
            int len = b.getInt(at + 8);
            int ip = at + 16 + 4;
            ByteBuffer p = ByteBuffer.wrap(pcap, ip, len - 4).slice().order(ByteOrder.BIG_ENDIAN);
            int sum = 0;
            for (int i = 0; i < 20; i += 2) {
                sum += p.getShort(i) & 0xffff;
            }
            sum = (sum & 0xffff) + (sum >>> 16);
            out.add(new Segment(p.getShort(20) & 0xffff, p.getInt(24) & 0xffffffffL, p.getInt(28) & 0xffffffffL,
                    p.get(33) & 0xff, (p.getShort(2) & 0xffff) - 40, (sum & 0xffff) == 0xffff));
            at += 16 + len;
        }
        return out;
    }
}
