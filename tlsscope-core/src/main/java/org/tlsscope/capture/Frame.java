package org.tlsscope.capture;

import org.tlsscope.bytes.Slice;

/**
 * One captured packet as the capture file stored it.
 *
 * @param number         1-based frame number, counted across the whole capture as tshark counts it
 * @param timestampNanos capture time, nanoseconds since the Unix epoch
 * @param linkType       the LINKTYPE_ value of the interface it was captured on (tcpdump.org/linktypes)
 * @param data           the captured bytes (possibly fewer than {@code originalLength}: snaplen)
 * @param originalLength the length of the packet on the wire
 * @param interfaceId    pcapng interface index (0 for pcap)
 */
public record Frame(long number, long timestampNanos, int linkType, Slice data, int originalLength, int interfaceId) {
    public boolean truncated() {
        return data.length() < originalLength;
    }
}
