package org.tlsscope.net;

/**
 * What a {@link PacketDecoder} has seen so far, for the summary view and for noticing a capture
 * that holds little TCP.
 *
 * @param framesSeen       frames handed to the decoder
 * @param notIp            frames whose link layer carries neither IPv4 nor IPv6 (ARP, unknown link types)
 * @param notTcp           IP packets carrying another protocol (UDP, ICMP, ESP, ...)
 * @param ipFragments      frames carrying an IP fragment (held, or completing a datagram)
 * @param malformedHeaders frames whose link, IP or TCP header is cut short or inconsistent
 */
public record DecoderCounts(long framesSeen, long notIp, long notTcp, long ipFragments, long malformedHeaders) {
}
