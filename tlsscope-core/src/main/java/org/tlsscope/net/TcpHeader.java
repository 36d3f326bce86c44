package org.tlsscope.net;

import org.tlsscope.bytes.Slice;
import org.tlsscope.capture.Frame;
import org.tlsscope.net.IpOutcome.Datagram;

/** The TCP header (RFC 9293 section 3.1) on top of an IP datagram. */
final class TcpHeader {
    static final int PROTOCOL = 6;
    private static final int MIN_HEADER = 20;
    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};

    private TcpHeader() {
    }

    /**
     * The segment, or null when the header does not fit in the captured bytes or its data offset
     * points outside the segment. Malformed options do not drop the segment, whose data is still
     * sound: the layer description notes them.
     */
    static TcpSegment decode(Frame frame, Datagram ip, Layers layers) {
        Slice segment = ip.payload();
        if (segment.length() < MIN_HEADER) {
            return null;
        }
        int headerLength = (segment.u8(12) >>> 4) * 4;
        if (headerLength < MIN_HEADER || headerLength > segment.length() || headerLength > ip.wireLength()) {
            return null;
        }
        int srcPort = segment.u16(0);
        int dstPort = segment.u16(2);
        long seq = segment.u32(4);
        long ack = segment.u32(8);
        // The 4 reserved bits and 8 control bits of RFC 9293 (AE from RFC 9768 in the lowest reserved bit),
        // as tshark's tcp.flags shows them.
        int flags = segment.u16(12) & 0x0fff;
        int window = segment.u16(14);
        Slice payload = segment.from(headerLength);
        int payloadWireLength = ip.wireLength() - headerLength;
        if (layers.wanted()) {
            String options = checkOptions(segment.slice(MIN_HEADER, headerLength - MIN_HEADER));
            String name = ip.reassembled() ? "TCP (in reassembled datagram)" : "TCP";
            layers.add(new LayerSpan(name, ip.payloadOffset(), headerLength, () -> "Src port: " + srcPort + ", Dst port: " + dstPort
                    + ", Seq: " + seq + ", Ack: " + ack + ", Header length: " + headerLength + ", Flags: " + flagNames(flags)
                    + ", Window: " + window + ", Payload: " + payloadWireLength + " bytes"
                    + (payload.length() < payloadWireLength ? " (" + payload.length() + " captured)" : "") + options));
        }
        return new TcpSegment(frame, new Endpoint(ip.src(), srcPort), new Endpoint(ip.dst(), dstPort), seq, ack, flags,
                window, payload, payloadWireLength, layers.spans());
    }

    /**
     * RFC 9293 section 3.1, Options: End of Option List (0) and No-Operation (1) are single bytes;
     * every other option has a length byte counting itself and the kind, so at least 2.
     * Returns "" when the options are well formed, else a note for the description.
     */
    private static String checkOptions(Slice options) {
        int at = 0;
        while (at < options.length()) {
            int kind = options.u8(at);
            if (kind == 0) {
                return "";
            }
            if (kind == 1) {
                at++;
                continue;
            }
            if (at + 1 >= options.length() || options.u8(at + 1) < 2 || at + options.u8(at + 1) > options.length()) {
                return ", malformed option " + kind + " at header offset " + (MIN_HEADER + at);
            }
            at += options.u8(at + 1);
        }
        return "";
    }

    private static String flagNames(int flags) {
        StringBuilder names = new StringBuilder();
        for (int bit = 0; bit < FLAG_NAMES.length; bit++) {
            if ((flags & 1 << bit) != 0) {
                names.append(names.isEmpty() ? "" : ", ").append(FLAG_NAMES[bit]);
            }
        }
        return names.isEmpty() ? "none" : names.toString();
    }
}
