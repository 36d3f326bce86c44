package org.tlsscope.net;

import java.util.List;
import org.tlsscope.bytes.Slice;
import org.tlsscope.capture.Frame;

/**
 * A TCP segment with the addresses of the IP packet that carried it. For a reassembled IPv4
 * datagram, {@code frame} is the frame that completed it.
 *
 * @param frame   the frame it came from (its bytes back the payload slice)
 * @param src     source endpoint
 * @param dst     destination endpoint
 * @param seq     sequence number (unsigned 32 bits)
 * @param ack     acknowledgement number (unsigned 32 bits)
 * @param flags   the TCP flag bits (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, ...)
 * @param window  the raw window field
 * @param payload the segment's data, as captured (may be shorter than on the wire when snaplen cut it)
 * @param payloadWireLength length of the data on the wire, from the IP length fields
 * @param layers  the headers of this packet, outermost first
 */
public record TcpSegment(Frame frame, Endpoint src, Endpoint dst, long seq, long ack, int flags, int window,
                         Slice payload, int payloadWireLength, List<LayerSpan> layers) {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
