package org.tlsscope.lab.record;

import java.io.IOException;
import java.time.Instant;

/** Where synthesized IPv4 and IPv6 packets go: a pcap file ({@link PcapWriter}), a live analysis, or both. */
public interface PacketSink {
    /** One packet: {@code ip} is a complete IPv4 or IPv6 packet, the sink's to keep. */
    void write(Instant time, byte[] ip) throws IOException;

    /** Makes what was written so far visible (to a file's readers); nothing by default. */
    default void flush() throws IOException {
    }
}
