package org.tlsscope.lab.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import org.tlsscope.lab.record.PcapWriter;
import org.tlsscope.lab.record.TcpSynthesizer;

/**
 * Records an endpoint's connections into one pcap: each connection gets a {@link TcpSynthesizer} with its
 * real addresses, client side first.
 */
public final class Recorder {
    private final PcapWriter writer;
    private final Clock clock;
    private final int mss;

    public Recorder(PcapWriter writer, Clock clock, int mss) {
        this.writer = writer;
        this.clock = clock;
        this.mss = mss;
    }

    TcpSynthesizer open(InetSocketAddress client, InetSocketAddress server) throws IOException {
        TcpSynthesizer tcp = new TcpSynthesizer(writer, clock, client, server, mss);
        tcp.open();
        return tcp;
    }

    void flush() throws IOException {
        writer.flush();
    }
}
