package org.tlsscope.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tlsscope.bytes.Slice;
import org.tlsscope.net.InternetLayer.Packet;
import org.tlsscope.net.IpOutcome.Datagram;
import org.tlsscope.net.IpOutcome.Malformed;

/** Why the IP layer rejects a header, and how the wire length bounds what the header claims. */
class InternetLayerTest {
    private static final byte[] SEGMENT = Packets.tcp(1, 2, 3, TcpSegment.ACK, new byte[10]);

    @Test
    void reportsAnIpv4HeaderLengthBelowTwentyBytes() {
        byte[] packet = Packets.ipv4(1, 2, 6, 1, 0, SEGMENT);
        packet[0] = 0x43;

        IpOutcome outcome = new InternetLayer().ipv4(packet(packet, packet.length), Layers.NONE);

        assertThat(outcome).isEqualTo(new Malformed(
                "IPv4 header inconsistent: version 4, header length 12, total length 50, 50 bytes captured"));
    }

    @Test
    void totalLengthBeyondTheWireLengthIsCutToIt() {
        // As in zeek/pppoe-over-qinq.pcap frame 19: Total Length 46 inside a 40-byte PPPoE payload.
        byte[] packet = Packets.ipv4(1, 2, 6, 1, 0, SEGMENT);
        Layers layers = Layers.kept();

        IpOutcome outcome = new InternetLayer().ipv4(packet(packet, 40), layers);

        assertThat(outcome).isInstanceOfSatisfying(Datagram.class, datagram -> {
            assertThat(datagram.wireLength()).isEqualTo(20);
            assertThat(datagram.payload().length()).isEqualTo(20);
        });
        assertThat(layers.spans().getFirst().description()).contains("Total length: 50 (exceeds the 40-byte packet)");
    }

    @Test
    void reportsAnIpv6ExtensionHeaderCutShort() {
        byte[] packet = Packets.ipv6(60, new byte[4]);

        IpOutcome outcome = new InternetLayer().ipv6(packet(packet, packet.length), Layers.NONE);

        assertThat(outcome).isEqualTo(new Malformed(
                "IPv6 extension header IPv6 Destination Options (60) cut short at offset 40"));
    }

    private static Packet packet(byte[] bytes, int wireLength) {
        return new Packet(Slice.of(bytes, 0, Math.min(bytes.length, wireLength)), wireLength, 0, 0);
    }
}
