package org.tlsscope.net;

import org.tlsscope.bytes.Slice;

/** What the IP layer made of a packet. */
sealed interface IpOutcome {
    /**
     * A complete IP payload for the transport layer.
     *
     * @param payload       the transport bytes as captured (those of the reassembled datagram when
     *                      {@code reassembled})
     * @param wireLength    the payload length the IP header announces
     * @param payloadOffset where {@code payload} starts: in the frame, or in the reassembled datagram
     */
    record Datagram(IpAddress src, IpAddress dst, int protocol, Slice payload, int wireLength, int payloadOffset,
                    boolean reassembled) implements IpOutcome {
    }

    /** A fragment, kept until the rest of its datagram arrives. */
    record FragmentHeld() implements IpOutcome {
    }

    /** A header that cannot be what it claims; {@code reason} says why. */
    record Malformed(String reason) implements IpOutcome {
    }
}
