package org.tlsscope.net;

import org.tlsscope.bytes.Slice;
import org.tlsscope.capture.Frame;

/**
 * The link-layer headers in front of an IP packet, for the link types captures of TLS traffic come
 * in (LINKTYPE_ values, tcpdump.org/linktypes.html). Each header read leaves a {@link LayerSpan}.
 */
final class LinkLayer {
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86dd;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_PROVIDER_BRIDGING = 0x88a8;
    private static final int ETHERTYPE_QINQ = 0x9100;
    private static final int ETHERTYPE_PPPOE_SESSION = 0x8864;
    /** Values below this are IEEE 802.3 lengths, not EtherTypes (IEEE 802.3 clause 3.2.6). */
    private static final int ETHERTYPE_MINIMUM = 0x0600;
    /** No real frame stacks more tags than this; the bound keeps a crafted frame from looping long. */
    private static final int MAX_TAGS = 8;

    static final int LINKTYPE_NULL = 0;
    static final int LINKTYPE_ETHERNET = 1;
    static final int LINKTYPE_RAW = 101;
    /** DLT_RAW as some BSDs numbered it; libpcap maps both to LINKTYPE_RAW in files it writes. */
    static final int LINKTYPE_RAW_BSD = 12;
    static final int LINKTYPE_RAW_OPENBSD = 14;
    static final int LINKTYPE_LOOP = 108;
    static final int LINKTYPE_LINUX_SLL = 113;
    static final int LINKTYPE_IPV4 = 228;
    static final int LINKTYPE_IPV6 = 229;
    static final int LINKTYPE_LINUX_SLL2 = 276;

    /**
     * What follows the link headers: an EtherType (0 when not IPv4 or IPv6), where it starts, and how
     * long it was on the wire (the frame's original length less the link headers, or less when the
     * link layer has its own length field, as PPPoE does).
     */
    record Network(int etherType, int offset, int wireLength) {
    }

    private LinkLayer() {
    }

    /** The network layer of a frame, or null when the frame is too short for its link headers. */
    static Network decode(Frame frame, Layers layers) {
        Header header = header(frame.linkType(), frame.data(), layers);
        if (header == null) {
            return null;
        }
        int wireLength = Math.max(frame.originalLength(), frame.data().length()) - header.offset();
        return new Network(header.etherType(), header.offset(), Math.min(wireLength, header.lengthLimit()));
    }

    /** The link headers' verdict: network protocol, its offset, and any length the headers impose. */
    private record Header(int etherType, int offset, int lengthLimit) {
        Header(int etherType, int offset) {
            this(etherType, offset, Integer.MAX_VALUE);
        }
    }

    private static Header header(int linkType, Slice frame, Layers layers) {
        return switch (linkType) {
            case LINKTYPE_ETHERNET -> ethernet(frame, layers);
            case LINKTYPE_NULL -> loopback(frame, layers, false);
            case LINKTYPE_LOOP -> loopback(frame, layers, true);
            case LINKTYPE_RAW, LINKTYPE_RAW_BSD, LINKTYPE_RAW_OPENBSD -> rawIp(frame);
            case LINKTYPE_IPV4 -> new Header(ETHERTYPE_IPV4, 0);
            case LINKTYPE_IPV6 -> new Header(ETHERTYPE_IPV6, 0);
            case LINKTYPE_LINUX_SLL -> linuxCooked(frame, layers);
            case LINKTYPE_LINUX_SLL2 -> linuxCookedV2(frame, layers);
            default -> new Header(0, 0);
        };
    }

    /** Ethernet II, then any stack of 802.1Q / 802.1ad tags, then possibly a PPPoE session. */
    private static Header ethernet(Slice frame, Layers layers) {
        if (frame.length() < 14) {
            return null;
        }
        int outerType = frame.u16(12);
        if (layers.wanted()) {
            layers.add(new LayerSpan("Ethernet II", 0, 14, () -> "Dst: " + mac(frame, 0) + ", Src: " + mac(frame, 6)
                    + ", Type: " + etherTypeName(outerType)));
        }
        int type = outerType;
        int at = 14;
        for (int tags = 0; isVlanTag(type) && tags < MAX_TAGS; tags++) {
            if (frame.length() < at + 4) {
                return null;
            }
            // IEEE 802.1Q section 9.6: PCP (3 bits), DEI (1 bit), VID (12 bits), then the next type.
            int tci = frame.u16(at);
            String name = switch (type) {
                case ETHERTYPE_VLAN -> "802.1Q Virtual LAN";
                case ETHERTYPE_PROVIDER_BRIDGING -> "802.1ad Service VLAN";
                default -> "QinQ VLAN (0x9100)";
            };
            int inner = frame.u16(at + 2);
            type = inner;
            if (layers.wanted()) {
                layers.add(new LayerSpan(name, at, 4, () -> "PRI: " + (tci >>> 13) + ", DEI: " + (tci >>> 12 & 1)
                        + ", ID: " + (tci & 0x0fff) + ", Type: " + etherTypeName(inner)));
            }
            at += 4;
        }
        if (type == ETHERTYPE_PPPOE_SESSION) {
            return pppoeSession(frame, at, layers);
        }
        return new Header(type >= ETHERTYPE_MINIMUM ? type : 0, at);
    }

    private static boolean isVlanTag(int type) {
        return type == ETHERTYPE_VLAN || type == ETHERTYPE_PROVIDER_BRIDGING || type == ETHERTYPE_QINQ;
    }

    /**
     * RFC 2516 section 4: version/type, code, session id, length; the session payload is a PPP frame
     * whose protocol field (RFC 1661 section 2, values from RFC 1332 and RFC 5072) names the network layer.
     */
    private static Header pppoeSession(Slice frame, int at, Layers layers) {
        if (frame.length() < at + 8) {
            return null;
        }
        int protocol = frame.u16(at + 6);
        int etherType = switch (protocol) {
            case 0x0021 -> ETHERTYPE_IPV4;
            case 0x0057 -> ETHERTYPE_IPV6;
            default -> 0;
        };
        if (layers.wanted()) {
            layers.add(new LayerSpan("PPPoE Session", at, 6, () -> "Version: " + (frame.u8(at) >>> 4) + ", Type: "
                    + (frame.u8(at) & 0x0f) + ", Code: 0x" + hex2(frame.u8(at + 1)) + ", Session ID: 0x"
                    + hex4(frame.u16(at + 2)) + ", Payload Length: " + frame.u16(at + 4)));
            layers.add(new LayerSpan("Point-to-Point Protocol", at + 6, 2, () -> "Protocol: 0x" + hex4(protocol)
                    + (etherType == 0 ? " (unknown)" : ", carrying " + etherTypeName(etherType))));
        }
        // The PPPoE length counts the PPP protocol field; the IP packet cannot run past it.
        return new Header(etherType, at + 8, Math.max(0, frame.u16(at + 4) - 2));
    }

    /**
     * BSD loopback: a 4-byte address family. LINKTYPE_NULL stores it in the capturing host's byte order,
     * so like Wireshark's packet-null.c a value with its upper 16 bits set is read byte-swapped;
     * LINKTYPE_LOOP (OpenBSD) stores it in network byte order.
     */
    private static Header loopback(Slice frame, Layers layers, boolean networkOrder) {
        if (frame.length() < 4) {
            return null;
        }
        long stored = networkOrder ? frame.u32(0) : frame.u32le(0);
        long family = !networkOrder && (stored & 0xffff0000L) != 0 ? frame.u32(0) : stored;
        // AF_INET is 2 everywhere; AF_INET6 is 24 (NetBSD, OpenBSD), 28 (FreeBSD), 30 (Darwin).
        int etherType = switch ((int) family) {
            case 2 -> ETHERTYPE_IPV4;
            case 24, 28, 30 -> ETHERTYPE_IPV6;
            default -> 0;
        };
        String name = switch (etherType) {
            case ETHERTYPE_IPV4 -> "IP";
            case ETHERTYPE_IPV6 -> "IPv6";
            default -> "unknown";
        };
        if (layers.wanted()) {
            layers.add(new LayerSpan("Family: " + name, 0, 4, () -> (networkOrder ? "OpenBSD loopback" : "BSD loopback")
                    + ", address family " + family));
        }
        return new Header(etherType, 4);
    }

    /** Raw IP: no link header; the version nibble of the first byte says which IP. */
    private static Header rawIp(Slice frame) {
        if (frame.isEmpty()) {
            return null;
        }
        int etherType = switch (frame.u8(0) >>> 4) {
            case 4 -> ETHERTYPE_IPV4;
            case 6 -> ETHERTYPE_IPV6;
            default -> 0;
        };
        return new Header(etherType, 0);
    }

    /** Linux cooked capture v1 (tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html): protocol at offset 14. */
    private static Header linuxCooked(Slice frame, Layers layers) {
        if (frame.length() < 16) {
            return null;
        }
        int protocol = frame.u16(14);
        if (layers.wanted()) {
            layers.add(new LayerSpan("Linux cooked capture v1", 0, 16, () -> "Packet type: " + packetType(frame.u16(0))
                    + ", Link-layer address type: " + frame.u16(2) + ", Address: " + linkAddress(frame, 6, frame.u16(4))
                    + ", Protocol: " + etherTypeName(protocol)));
        }
        return new Header(protocol >= ETHERTYPE_MINIMUM ? protocol : 0, 16);
    }

    /** Linux cooked capture v2 (tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html): protocol first. */
    private static Header linuxCookedV2(Slice frame, Layers layers) {
        if (frame.length() < 20) {
            return null;
        }
        int protocol = frame.u16(0);
        if (layers.wanted()) {
            layers.add(new LayerSpan("Linux cooked capture v2", 0, 20, () -> "Protocol: " + etherTypeName(protocol)
                    + ", Interface index: " + frame.u32(4) + ", Link-layer address type: " + frame.u16(8)
                    + ", Packet type: " + packetType(frame.u8(10)) + ", Address: " + linkAddress(frame, 12, frame.u8(11))));
        }
        return new Header(protocol >= ETHERTYPE_MINIMUM ? protocol : 0, 20);
    }

    private static String packetType(int type) {
        return switch (type) {
            case 0 -> "Unicast to us (0)";
            case 1 -> "Broadcast (1)";
            case 2 -> "Multicast (2)";
            case 3 -> "Unicast to another host (3)";
            case 4 -> "Sent by us (4)";
            default -> "unknown (" + type + ")";
        };
    }

    static String etherTypeName(int type) {
        String name = switch (type) {
            case ETHERTYPE_IPV4 -> "IPv4";
            case ETHERTYPE_IPV6 -> "IPv6";
            case 0x0806 -> "ARP";
            case ETHERTYPE_VLAN -> "802.1Q Virtual LAN";
            case ETHERTYPE_PROVIDER_BRIDGING -> "802.1ad Service VLAN";
            case ETHERTYPE_QINQ -> "QinQ";
            case 0x8863 -> "PPPoE Discovery";
            case ETHERTYPE_PPPOE_SESSION -> "PPPoE Session";
            default -> type < ETHERTYPE_MINIMUM ? "802.3 length" : "unknown";
        };
        return name + " (0x" + hex4(type) + ")";
    }

    private static String mac(Slice frame, int at) {
        return linkAddress(frame, at, 6);
    }

    /** A link-layer address as colon-separated hex; at most the 8 bytes the cooked headers have room for. */
    private static String linkAddress(Slice frame, int at, int length) {
        return frame.slice(at, Math.min(length, 8)).spacedHex().replace(' ', ':');
    }

    private static String hex2(int value) {
        return String.format("%02x", value);
    }

    static String hex4(int value) {
        return String.format("%04x", value);
    }
}
