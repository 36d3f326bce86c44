package org.tlsscope.lab.record;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

/**
 * Writes a classic pcap file (little-endian, microsecond timestamps) of IPv4 and IPv6 packets, framed with
 * the chosen link layer. Thread-safe: a proxy may record connections served by several threads into one file.
 */
public final class PcapWriter implements PacketSink, Closeable {
    private static final int MAGIC = 0xa1b2c3d4;
    private static final int SNAPLEN = 262_144;
    /** AF_INET, which every platform numbers 2 (RFC-free but universal; Wireshark reads it in either order). */
    private static final int AF_INET = 2;
    /**
     * AF_INET6 differs by platform; 24 (NetBSD, OpenBSD) is one of the three values (24, 28, 30) that the
     * LINKTYPE_NULL definition lists for IPv6 and that readers accept, whatever the reading platform.
     */
    private static final int AF_INET6 = 24;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86dd;

    private final OutputStream out;
    private final LinkType link;

    /** Writes the file header at once, so even an empty recording is a valid capture. */
    public PcapWriter(OutputStream out, LinkType link) throws IOException {
        this.out = out;
        this.link = link;
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(MAGIC).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAPLEN).putInt(link.code());
        out.write(h.array());
    }

    public LinkType link() {
        return link;
    }

    /** One packet: {@code ip} is a complete IPv4 or IPv6 packet (told by its version); the link header is added here. */
    @Override
    public synchronized void write(Instant time, byte[] ip) throws IOException {
        boolean v6 = (ip[0] & 0xf0) == 0x60;
        int length = link.headerLength() + ip.length;
        ByteBuffer b = ByteBuffer.allocate(16 + link.headerLength()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) time.getEpochSecond()).putInt(time.getNano() / 1000).putInt(length).putInt(length);
        switch (link) {
            case NULL -> b.putInt(v6 ? AF_INET6 : AF_INET);
            case ETHERNET -> b.order(ByteOrder.BIG_ENDIAN)
                    // Locally administered unicast MACs (02:...): destination then source, as on a LAN.
                    .put(new byte[] {2, 0, 0, 0, 0, 2}).put(new byte[] {2, 0, 0, 0, 0, 1})
                    .putShort((short) (v6 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4));
        }
        out.write(b.array());
        out.write(ip);
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
