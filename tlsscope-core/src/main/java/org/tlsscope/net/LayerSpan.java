package org.tlsscope.net;

/**
 * Where one protocol header sits in a frame ("Null/Loopback", 0, 4), so that explain --layers can dump
 * the link, IP and TCP headers of a packet, as the post does for its first one.
 *
 * @param name        display name of the layer ("Family: IP", "IPv4", "TCP")
 * @param offset      first byte of the header within the frame
 * @param length      header length in bytes
 * @param description one line of decoded header fields
 */
public record LayerSpan(String name, int offset, int length, String description) {
}
