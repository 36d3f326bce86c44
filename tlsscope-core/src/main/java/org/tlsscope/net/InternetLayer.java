package org.tlsscope.net;

import org.tlsscope.bytes.Slice;
import org.tlsscope.net.FragmentReassembler.Reassembled;
import org.tlsscope.net.IpOutcome.Datagram;
import org.tlsscope.net.IpOutcome.FragmentHeld;
import org.tlsscope.net.IpOutcome.Malformed;

/**
 * IPv4 and IPv6 headers: checks their lengths against the bytes captured, walks the IPv6 extension
 * header chain, and hands fragments to the reassembler. One per capture, since fragments of a
 * datagram arrive in different frames.
 */
final class InternetLayer {
    private static final int IPV4_MIN_HEADER = 20;
    private static final int IPV6_HEADER = 40;
    private static final int IPV4_MORE_FRAGMENTS = 0x2000;
    private static final int IPV4_DONT_FRAGMENT = 0x4000;
    /** IPv6 fragments are matched on addresses and identification only (RFC 8200 section 4.5). */
    private static final int IPV6_ANY_PROTOCOL = -1;

    /** IPv6 next header values (IANA "Assigned Internet Protocol Numbers") of the extension headers. */
    private static final int HOP_BY_HOP = 0;
    private static final int ROUTING = 43;
    private static final int FRAGMENT = 44;
    private static final int AUTHENTICATION = 51;
    private static final int DESTINATION_OPTIONS = 60;

    /**
     * A network-layer packet as the link layer delivers it.
     *
     * @param bytes          the captured bytes from the IP header on, no further than {@code wireLength}
     * @param wireLength     its length on the wire, which bounds what the IP length fields may claim
     * @param frameOffset    where it starts in the frame
     * @param timestampNanos the frame's capture time, which ages pending fragments
     */
    record Packet(Slice bytes, int wireLength, int frameOffset, long timestampNanos) {
    }

    private final FragmentReassembler reassembler = new FragmentReassembler();
    /**
     * The last IPv4 address decoded, reused while packets keep naming it: consecutive packets mostly belong to
     * one conversation (and on loopback both ends are one address), and an address is immutable.
     */
    private IpAddress lastV4 = IpAddress.v4(0);

    /**
     * RFC 791 section 3.1. The packet ends at Total Length, or where the capture cut it; bytes past
     * Total Length are link padding (Ethernet's 60-byte minimum). A Total Length beyond the packet's
     * length on the wire is not believed: like Wireshark, the wire length wins.
     */
    IpOutcome ipv4(Packet ip, Layers layers) {
        Slice packet = ip.bytes();
        int frameOffset = ip.frameOffset();
        if (packet.length() < IPV4_MIN_HEADER) {
            return new Malformed("IPv4 header cut short: " + packet.length() + " bytes");
        }
        int version = packet.u8(0) >>> 4;
        int headerLength = (packet.u8(0) & 0x0f) * 4;
        int totalLength = packet.u16(2);
        if (version != 4 || headerLength < IPV4_MIN_HEADER || headerLength > packet.length()
                || totalLength < headerLength) {
            return new Malformed("IPv4 header inconsistent: version " + version + ", header length " + headerLength
                    + ", total length " + totalLength + ", " + packet.length() + " bytes captured");
        }
        int wireEnd = Math.min(totalLength, ip.wireLength());
        if (wireEnd < headerLength) {
            return new Malformed("IPv4 header of " + headerLength + " bytes in a packet of " + wireEnd);
        }
        int identification = packet.u16(4);
        int flagsAndOffset = packet.u16(6);
        int fragmentOffset = (flagsAndOffset & 0x1fff) * 8;
        boolean moreFragments = (flagsAndOffset & IPV4_MORE_FRAGMENTS) != 0;
        int protocol = packet.u8(9);
        IpAddress src = v4((int) packet.u32(12));
        IpAddress dst = v4((int) packet.u32(16));
        if (layers.wanted()) {
            layers.add(new LayerSpan("IPv4", frameOffset, headerLength, () -> "Src: " + src + ", Dst: " + dst
                    + ", Header length: " + headerLength + ", Total length: " + totalLength
                    + (totalLength > wireEnd ? " (exceeds the " + wireEnd + "-byte packet)" : "") + ", Identification: 0x"
                    + LinkLayer.hex4(identification) + ", Flags: " + ipv4Flags(flagsAndOffset) + ", Fragment offset: "
                    + fragmentOffset + ", TTL: " + packet.u8(8) + ", Protocol: " + protocolName(protocol)));
        }
        int end = Math.min(wireEnd, packet.length());
        Slice payload = packet.slice(headerLength, end - headerLength);
        if (!moreFragments && fragmentOffset == 0) {
            return new Datagram(src, dst, protocol, payload, wireEnd - headerLength, frameOffset + headerLength, false);
        }
        return fragment(new FragmentReassembler.Key(src, dst, protocol, identification), fragmentOffset,
                moreFragments, protocol, payload, wireEnd - headerLength, ip.timestampNanos(), src, dst);
    }

    /**
     * RFC 8200 sections 3 and 4: the fixed header, then extension headers until an upper-layer
     * protocol. Payload Length 0 with a Hop-by-Hop header is a jumbogram (RFC 2675): its length is
     * then the packet's length on the wire.
     */
    IpOutcome ipv6(Packet ip, Layers layers) {
        Slice packet = ip.bytes();
        if (packet.length() < IPV6_HEADER || packet.u8(0) >>> 4 != 6) {
            return new Malformed("IPv6 header cut short or wrong version: " + packet.length() + " bytes");
        }
        int payloadLength = packet.u16(4);
        int next = packet.u8(6);
        IpAddress src = IpAddress.v6(packet.u32(8) << 32 | packet.u32(12), packet.u32(16) << 32 | packet.u32(20));
        IpAddress dst = IpAddress.v6(packet.u32(24) << 32 | packet.u32(28), packet.u32(32) << 32 | packet.u32(36));
        int wireEnd = payloadLength == 0 ? ip.wireLength() : Math.min(IPV6_HEADER + payloadLength, ip.wireLength());
        int firstNext = next;
        if (layers.wanted()) {
            layers.add(new LayerSpan("IPv6", ip.frameOffset(), IPV6_HEADER, () -> "Src: " + src + ", Dst: " + dst
                    + ", Payload length: " + payloadLength + ", Next header: " + protocolName(firstNext) + ", Hop limit: "
                    + packet.u8(7)));
        }
        Slice bytes = packet.slice(0, Math.min(wireEnd, packet.length()));
        int at = IPV6_HEADER;
        int base = ip.frameOffset();
        boolean reassembled = false;
        while (true) {
            if (next != HOP_BY_HOP && next != ROUTING && next != DESTINATION_OPTIONS && next != AUTHENTICATION
                    && next != FRAGMENT) {
                // TCP, UDP, ESP (50), No Next Header (59), ...: the chain ends here.
                return new Datagram(src, dst, next, bytes.from(at), wireEnd - at, base + at, reassembled);
            }
            if (bytes.length() < at + 8) {
                return new Malformed("IPv6 extension header " + protocolName(next) + " cut short at offset " + at);
            }
            if (next == FRAGMENT) {
                if (reassembled) {
                    return new Malformed("IPv6 fragment header inside a reassembled datagram");
                }
                int offsetAndFlags = bytes.u16(at + 2);
                int fragmentOffset = offsetAndFlags & 0xfff8;
                boolean more = (offsetAndFlags & 1) != 0;
                long identification = bytes.u32(at + 4);
                int fragmentNext = bytes.u8(at);
                if (layers.wanted()) {
                    layers.add(new LayerSpan("IPv6 Fragment", base + at, 8, () -> "Next header: " + protocolName(fragmentNext)
                            + ", Offset: " + fragmentOffset + ", More fragments: " + more + ", Identification: 0x"
                            + Long.toHexString(identification)));
                }
                at += 8;
                next = fragmentNext;
                if (fragmentOffset == 0 && !more) {
                    // An atomic fragment (RFC 6946): a whole datagram, nothing to wait for.
                    continue;
                }
                IpOutcome outcome = fragment(new FragmentReassembler.Key(src, dst, IPV6_ANY_PROTOCOL, identification),
                        fragmentOffset, more, fragmentNext, bytes.from(at), wireEnd - at, ip.timestampNanos(), src, dst);
                if (!(outcome instanceof Datagram whole)) {
                    return outcome;
                }
                // The reassembled fragmentable part may start with more extension headers (RFC 8200 4.5).
                bytes = whole.payload();
                wireEnd = bytes.length();
                next = whole.protocol();
                at = 0;
                base = 0;
                reassembled = true;
                continue;
            }
            int length = next == AUTHENTICATION ? (bytes.u8(at + 1) + 2) * 4 : (bytes.u8(at + 1) + 1) * 8;
            if (bytes.length() < at + length) {
                return new Malformed("IPv6 extension header " + protocolName(next) + " of " + length
                        + " bytes runs past the packet at offset " + at);
            }
            int following = bytes.u8(at);
            if (layers.wanted()) {
                layers.add(new LayerSpan(extensionName(next), base + at, length, () -> "Next header: "
                        + protocolName(following) + ", Length: " + length + " bytes"));
            }
            next = bytes.u8(at);
            at += length;
        }
    }

    /**
     * Hands a fragment to the reassembler. A fragment cut by the snaplen cannot be reassembled: the
     * bytes it lacks are nowhere.
     */
    private IpOutcome fragment(FragmentReassembler.Key key, int offset, boolean more, int protocol, Slice data,
                               int wireLength, long timestampNanos, IpAddress src, IpAddress dst) {
        if (data.length() < wireLength) {
            return new Malformed("IP fragment cut short by the capture: " + data.length() + " of " + wireLength
                    + " bytes");
        }
        if (offset + data.length() > FragmentReassembler.MAX_DATAGRAM) {
            return new Malformed("IP fragment at offset " + offset + " of " + data.length()
                    + " bytes ends past the 65535-byte datagram limit");
        }
        Reassembled whole = reassembler.offer(key, offset, more, protocol, data, timestampNanos);
        if (whole == null) {
            return new FragmentHeld();
        }
        return new Datagram(src, dst, whole.protocol(), whole.payload(), whole.payload().length(), 0, true);
    }

    private static String ipv4Flags(int flagsAndOffset) {
        String flags = ((flagsAndOffset & IPV4_DONT_FRAGMENT) != 0 ? "DF " : "")
                + ((flagsAndOffset & IPV4_MORE_FRAGMENTS) != 0 ? "MF" : "");
        return flags.isEmpty() ? "none" : flags.strip();
    }

    private static String extensionName(int header) {
        return switch (header) {
            case HOP_BY_HOP -> "IPv6 Hop-by-Hop Options";
            case ROUTING -> "IPv6 Routing";
            case DESTINATION_OPTIONS -> "IPv6 Destination Options";
            default -> "Authentication Header";
        };
    }

    static String protocolName(int protocol) {
        String name = switch (protocol) {
            case HOP_BY_HOP -> "IPv6 Hop-by-Hop Options";
            case 1 -> "ICMP";
            case 6 -> "TCP";
            case 17 -> "UDP";
            case ROUTING -> "IPv6 Routing";
            case FRAGMENT -> "IPv6 Fragment";
            case 50 -> "ESP";
            case AUTHENTICATION -> "AH";
            case 58 -> "ICMPv6";
            case 59 -> "No Next Header";
            case DESTINATION_OPTIONS -> "IPv6 Destination Options";
            default -> "unknown";
        };
        return name + " (" + protocol + ")";
    }

    private IpAddress v4(int address) {
        if (lastV4.lo() != (address & 0xffffffffL)) {
            lastV4 = IpAddress.v4(address);
        }
        return lastV4;
    }
}
