package org.tlsscope.net;

import java.util.ArrayList;
import java.util.List;
import org.tlsscope.capture.Frame;
import org.tlsscope.net.InternetLayer.Packet;
import org.tlsscope.net.IpOutcome.Datagram;
import org.tlsscope.net.IpOutcome.FragmentHeld;
import org.tlsscope.net.IpOutcome.Malformed;

/**
 * Takes frames apart down to TCP: link headers, IPv4 or IPv6 (reassembling fragments), TCP. Stateful,
 * one per capture, because fragments of one datagram arrive in several frames.
 *
 * <p>Each segment lists its headers as {@link LayerSpan}s, outermost first, with offsets in the frame.
 * For a datagram rebuilt from fragments the TCP header is in no single frame: its span is named "TCP
 * (in reassembled datagram)" and its offset counts from the start of the reassembled payload.
 */
public final class PacketDecoder {
    private final InternetLayer internet = new InternetLayer();
    private long framesSeen;
    private long notIp;
    private long notTcp;
    private long ipFragments;
    private long malformedHeaders;

    /** The TCP segment the frame carries, or null: not TCP, malformed, or a fragment still waiting for the rest. */
    public TcpSegment decode(Frame frame) {
        framesSeen++;
        List<LayerSpan> layers = new ArrayList<>(4);
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

    private TcpSegment transport(Frame frame, Datagram datagram, List<LayerSpan> layers) {
        if (datagram.reassembled()) {
            ipFragments++;
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

    public DecoderCounts counts() {
        return new DecoderCounts(framesSeen, notIp, notTcp, ipFragments, malformedHeaders);
    }
}
