package org.tlsscope.net;

import java.io.ByteArrayOutputStream;
import org.tlsscope.bytes.Slice;
import org.tlsscope.capture.Frame;

/** Builds IPv4 (RFC 791), IPv6 (RFC 8200) and TCP (RFC 9293) headers for cases the corpus lacks. */
final class Packets {
    static final int LINKTYPE_RAW = 101;
    static final int LINKTYPE_IPV6 = 229;

    private Packets() {
    }

    static Frame frame(int linkType, byte[] data) {
        return frame(linkType, data, 0);
    }

    static Frame frame(int linkType, byte[] data, long timestampNanos) {
        return new Frame(1, timestampNanos, linkType, Slice.of(data), data.length, 0);
    }

    /** A 20-byte TCP header with no options, then the payload. */
    static byte[] tcp(int srcPort, int dstPort, long seq, int flags, byte[] payload) {
        return tcp(srcPort, dstPort, seq, flags, new byte[0], payload);
    }

    /** A TCP header whose options are {@code options} (a multiple of 4 bytes), then the payload. */
    static byte[] tcp(int srcPort, int dstPort, long seq, int flags, byte[] options, byte[] payload) {
        int headerLength = 20 + options.length;
        byte[] segment = new byte[headerLength + payload.length];
        put16(segment, 0, srcPort);
        put16(segment, 2, dstPort);
        put32(segment, 4, seq);
        put32(segment, 8, 0);
        put16(segment, 12, (headerLength / 4) << 12 | flags);
        put16(segment, 14, 65535);
        System.arraycopy(options, 0, segment, 20, options.length);
        System.arraycopy(payload, 0, segment, headerLength, payload.length);
        return segment;
    }

    /** A 20-byte IPv4 header (checksum left 0: nothing here verifies it) in front of {@code payload}. */
    static byte[] ipv4(int src, int dst, int protocol, int identification, int flagsAndOffset, byte[] payload) {
        byte[] packet = new byte[20 + payload.length];
        packet[0] = 0x45;
        put16(packet, 2, packet.length);
        put16(packet, 4, identification);
        put16(packet, 6, flagsAndOffset);
        packet[8] = 64;
        packet[9] = (byte) protocol;
        put32(packet, 12, src);
        put32(packet, 16, dst);
        System.arraycopy(payload, 0, packet, 20, payload.length);
        return packet;
    }

    /** The IPv4 fragment of {@code datagramPayload} from byte {@code from} to {@code to}. */
    static byte[] ipv4Fragment(int identification, byte[] datagramPayload, int from, int to, boolean more) {
        byte[] part = java.util.Arrays.copyOfRange(datagramPayload, from, to);
        return ipv4(0x0a000001, 0x0a000002, 6, identification, (more ? 0x2000 : 0) | from / 8, part);
    }

    /** A 40-byte IPv6 header from 2001:db8::1 to 2001:db8::2 in front of {@code payload}. */
    static byte[] ipv6(int nextHeader, byte[] payload) {
        byte[] packet = new byte[40 + payload.length];
        packet[0] = 0x60;
        put16(packet, 4, payload.length);
        packet[6] = (byte) nextHeader;
        packet[7] = 64;
        put32(packet, 8, 0x20010db8);
        packet[23] = 1;
        put32(packet, 24, 0x20010db8);
        packet[39] = 2;
        System.arraycopy(payload, 0, packet, 40, payload.length);
        return packet;
    }

    /**
     * An options-style extension header (Hop-by-Hop, Routing, Destination Options): next header,
     * length in 8-octet units not counting the first, then PadN to fill {@code units} * 8 bytes.
     */
    static byte[] optionsHeader(int nextHeader, int units) {
        byte[] header = new byte[units * 8];
        header[0] = (byte) nextHeader;
        header[1] = (byte) (units - 1);
        header[2] = 1;
        header[3] = (byte) (header.length - 4);
        return header;
    }

    /** RFC 4302: an Authentication Header with a 12-byte ICV; its length counts 4-octet units minus 2. */
    static byte[] authenticationHeader(int nextHeader) {
        byte[] header = new byte[24];
        header[0] = (byte) nextHeader;
        header[1] = (byte) (header.length / 4 - 2);
        return header;
    }

    /** RFC 8200 section 4.5: next header, reserved, offset (13 bits) / res / M, identification. */
    static byte[] fragmentHeader(int nextHeader, int offset, boolean more, long identification) {
        byte[] header = new byte[8];
        header[0] = (byte) nextHeader;
        put16(header, 2, offset | (more ? 1 : 0));
        put32(header, 4, identification);
        return header;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static void put16(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 8);
        b[at + 1] = (byte) value;
    }

    static void put32(byte[] b, int at, long value) {
        put16(b, at, (int) (value >>> 16));
        put16(b, at + 2, (int) value);
    }
}
