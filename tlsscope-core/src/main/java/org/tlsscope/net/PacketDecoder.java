package org.tlsscope.net;

import org.tlsscope.bytes.Slice;
import org.tlsscope.capture.Frame;
import org.tlsscope.net.InternetLayer.Packet;
import org.tlsscope.net.IpOutcome.Datagram;
import org.tlsscope.net.IpOutcome.FragmentHeld;
import org.tlsscope.net.IpOutcome.Malformed;

/**
 * Takes frames apart down to TCP: link headers, IPv4 or IPv6 (reassembling fragments), TCP, also where a
 * GTP-U tunnel carries it inside UDP. Stateful, one per capture, because fragments of one datagram arrive
 * in several frames.
 *
 * <p>Each segment lists its headers as {@link LayerSpan}s, outermost first, with offsets in the frame.
 * For a datagram rebuilt from fragments the TCP header is in no single frame: its span is named "TCP
 * (in reassembled datagram)" and its offset counts from the start of the reassembled payload.
 */
public final class PacketDecoder {
    private static final int UDP = 17;
    private static final int UDP_HEADER = 8;
    private final InternetLayer internet = new InternetLayer();
    private final boolean describeLayers;
    private long framesSeen;
    private long notIp;
    private long notTcp;
    private long ipFragments;
    private long malformedHeaders;

    /** A decoder whose segments list their headers. */
    public PacketDecoder() {
        this(true);
    }

    /** @param describeLayers whether segments list their headers ({@link TcpSegment#layers()}), else none */
    public PacketDecoder(boolean describeLayers) {
        this.describeLayers = describeLayers;
    }

    /** The TCP segment the frame carries, or null: not TCP, malformed, or a fragment still waiting for the rest. */
    public TcpSegment decode(Frame frame) {
        framesSeen++;
        Layers layers = describeLayers ? Layers.kept() : Layers.NONE;
        LinkLayer.Network network = LinkLayer.decode(frame, layers);
        if (network == null) {
            malformedHeaders++;
            return null;
        }
        int captured = Math.min(frame.data().length() - network.offset(), network.wireLength());
        Packet packet = new Packet(frame.data().slice(network.offset(), captured), network.wireLength(),
                network.offset(), frame.timestampNanos());
        IpOutcome outcome = switch (network.etherType()) {
            case LinkLayer.ETHERTYPE_IPV4 -> internet.ipv4(packet, layers);
            case LinkLayer.ETHERTYPE_IPV6 -> internet.ipv6(packet, layers);
            default -> null;
        };
        return network(frame, outcome, layers);
    }

    private TcpSegment network(Frame frame, IpOutcome outcome, Layers layers) {
        return switch (outcome) {
            case null -> {
                notIp++;
                yield null;
            }
            case Malformed _ -> {
                malformedHeaders++;
                yield null;
            }
            case FragmentHeld _ -> {
                ipFragments++;
                yield null;
            }
            case Datagram datagram -> transport(frame, datagram, layers);
        };
    }

    private TcpSegment transport(Frame frame, Datagram datagram, Layers layers) {
        if (datagram.reassembled()) {
            ipFragments++;
        }
        if (datagram.protocol() == UDP && !datagram.reassembled()) {
            IpOutcome inner = gtpU(frame, datagram, layers);
            if (inner != null) {
                return network(frame, inner, layers);
            }
        }
        if (datagram.protocol() != TcpHeader.PROTOCOL) {
            notTcp++;
            return null;
        }
        TcpSegment segment = TcpHeader.decode(frame, datagram, layers);
        if (segment == null) {
            malformedHeaders++;
        }
        return segment;
    }

    /** The IP packet a GTP-U G-PDU carries (3GPP TS 29.281), or null when the datagram is no such thing. */
    private IpOutcome gtpU(Frame frame, Datagram udp, Layers layers) {
        Slice datagram = udp.payload();
        if (datagram.length() < UDP_HEADER || datagram.u16(0) != GtpU.PORT && datagram.u16(2) != GtpU.PORT) {
            return null;
        }
        Slice gtp = datagram.from(UDP_HEADER);
        int inner = GtpU.innerPacket(gtp);
        if (inner < 0) {
            return null;
        }
        Slice ip = gtp.from(inner);
        int version = ip.u8(0) >>> 4;
        if (version != 4 && version != 6) {
            return null;
        }
        int offset = udp.payloadOffset() + UDP_HEADER;
        if (layers.wanted()) {
            layers.add(new LayerSpan("UDP", udp.payloadOffset(), UDP_HEADER, () -> "Src port: " + datagram.u16(0)
                    + ", Dst port: " + datagram.u16(2)));
            layers.add(new LayerSpan("GTP-U", offset, inner, () -> String.format("G-PDU, TEID: 0x%08x", GtpU.teid(gtp))));
        }
        Packet packet = new Packet(ip, udp.wireLength() - UDP_HEADER - inner, offset + inner, frame.timestampNanos());
        return version == 4 ? internet.ipv4(packet, layers) : internet.ipv6(packet, layers);
    }

    public DecoderCounts counts() {
        return new DecoderCounts(framesSeen, notIp, notTcp, ipFragments, malformedHeaders);
    }
}
