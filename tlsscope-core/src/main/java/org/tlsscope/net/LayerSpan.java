package org.tlsscope.net;

import java.util.function.Supplier;

/**
 * Where one protocol header sits in a frame ("Family: IP", 0, 4), so that explain --layers can dump
 * the link, IP and TCP headers of a packet, as the post does for its first one.
 *
 * <p>The one-line description is built only when a view asks for it: every packet gets its spans, but
 * only the explain view reads them, and formatting MAC addresses for half a million packets that nobody
 * prints was the decoder's largest cost.
 *
 * @param name      display name of the layer ("Family: IP", "IPv4", "TCP")
 * @param offset    first byte of the header within the frame
 * @param length    header length in bytes
 * @param describer builds the one line of decoded header fields
 */
public record LayerSpan(String name, int offset, int length, Supplier<String> describer) {
    public String description() {
        return describer.get();
    }
}
