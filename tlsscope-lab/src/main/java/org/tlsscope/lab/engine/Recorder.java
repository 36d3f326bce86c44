package org.tlsscope.lab.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import org.tlsscope.lab.record.PacketSink;
import org.tlsscope.lab.record.TcpSynthesizer;

/**
 * Records an endpoint's connections (or a proxy's) into one packet sink, a pcap as a rule: each connection
 * gets a {@link TcpSynthesizer} with its real addresses, client side first.
 */
public final class Recorder {
    private final PacketSink writer;
    private final Clock clock;
    private final int mss;

    public Recorder(PacketSink writer, Clock clock, int mss) {
        this.writer = writer;
        this.clock = clock;
        this.mss = mss;
    }

    /** A new connection: its three-way handshake is written at once. */
    public TcpSynthesizer open(InetSocketAddress client, InetSocketAddress server) throws IOException {
        TcpSynthesizer tcp = new TcpSynthesizer(writer, clock, client, server, mss);
        tcp.open();
        return tcp;
    }

    public void flush() throws IOException {
        writer.flush();
    }
}
