package org.tlsscope.net;

import org.tlsscope.bytes.Slice;

/**
 * GTP-U, the user-plane tunnel of mobile networks (3GPP TS 29.281 section 5): UDP port 2152, whose G-PDU
 * messages carry a subscriber's IP packet. A TCP connection inside one is as much TLS-over-TCP as any.
 */
final class GtpU {
    static final int PORT = 2152;
    private static final int VERSION_1 = 1;
    private static final int PROTOCOL_TYPE_GTP = 0x10;
    private static final int OPTIONAL_FIELDS_PRESENT = 0x07;
    private static final int G_PDU = 255;
    private static final int HEADER = 8;
    /** Sequence number (2), N-PDU number (1), next extension header type (1): present if E, S or PN is set. */
    private static final int OPTIONAL_FIELDS = 4;
    /** A bound on the extension header chain, against a crafted loop of tiny headers. */
    private static final int MAX_EXTENSIONS = 16;

    private GtpU() {
    }

    /**
     * Where the T-PDU (the inner IP packet) starts in a GTP-U message, or -1 when the bytes are no
     * version 1 G-PDU or its extension headers run past them (section 5.2: each extension header is a
     * multiple of 4 bytes, its first byte that multiple, its last byte the next header's type, 0 for none).
     */
    static int innerPacket(Slice gtp) {
        if (gtp.length() < HEADER) {
            return -1;
        }
        int flags = gtp.u8(0);
        if (flags >>> 5 != VERSION_1 || (flags & PROTOCOL_TYPE_GTP) == 0 || gtp.u8(1) != G_PDU) {
            return -1;
        }
        int at = HEADER;
        if ((flags & OPTIONAL_FIELDS_PRESENT) != 0) {
            if (gtp.length() < HEADER + OPTIONAL_FIELDS) {
                return -1;
            }
            int next = gtp.u8(HEADER + OPTIONAL_FIELDS - 1);
            at += OPTIONAL_FIELDS;
            for (int extensions = 0; next != 0; extensions++) {
                if (extensions == MAX_EXTENSIONS || at >= gtp.length()) {
                    return -1;
                }
                int length = gtp.u8(at) * 4;
                if (length == 0 || at + length > gtp.length()) {
                    return -1;
                }
                next = gtp.u8(at + length - 1);
                at += length;
            }
        }
        return at < gtp.length() ? at : -1;
    }

    /** The tunnel endpoint identifier, for the layer description. */
    static long teid(Slice gtp) {
        return gtp.u32(4);
    }
}
