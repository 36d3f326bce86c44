package org.tlsscope.lab.record;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.tlsscope.tcp.Direction;

/**
 * Turns what one endpoint sent and received on a socket into the TCP segments a capture of that
 * connection would hold (RFC 9293): the three-way handshake, data segments of at most {@code mss} bytes
 * with consistent sequence and acknowledgement numbers, and the FIN exchange. Each data segment
 * acknowledges everything recorded from the peer so far, so no segment acknowledges bytes not yet seen.
 * The packets are IPv4 when both addresses are, IPv6 otherwise (an IPv4 address then written as
 * IPv4-mapped, RFC 4291 section 2.5.5.2). Not thread-safe: one connection is recorded by one thread.
 */
public final class TcpSynthesizer {
    /**
     * The largest payload of one IPv4 packet (65535 - 20 - 20): what loopback's 64 KiB MTU allows; an IPv6
     * packet could carry 20 bytes more (its payload length excludes its header), one limit serves both.
     */
    public static final int MAX_MSS = 65_535 - 40;

    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;
    private static final int WINDOW = 65_535;

    private final PacketSink writer;
    private final Clock clock;
    private final byte[][] address = new byte[2][];
    private final int[] port = new int[2];
    /** Next sequence number each side sends (index: Direction ordinal of its segments). */
    private final int[] next = new int[2];
    private final boolean[] finSent = new boolean[2];
    private final int mss;
    private final boolean ipv6;
    private int ipId = 1;

    /** @param client the side that opened the connection; {@code server} the side that accepted it. */
    public TcpSynthesizer(PacketSink writer, Clock clock, InetSocketAddress client, InetSocketAddress server, int mss) {
        if (mss < 1 || mss > MAX_MSS) {
            throw new IllegalArgumentException("MSS must be 1.." + MAX_MSS + ": " + mss);
        }
        this.writer = writer;
        this.clock = clock;
        this.mss = mss;
        ipv6 = !(client.getAddress() instanceof Inet4Address && server.getAddress() instanceof Inet4Address);
        address[0] = ipv6 ? ipv6(client.getAddress()) : client.getAddress().getAddress();
        address[1] = ipv6 ? ipv6(server.getAddress()) : server.getAddress().getAddress();
        port[0] = client.getPort();
        port[1] = server.getPort();
        next[0] = ThreadLocalRandom.current().nextInt();
        next[1] = ThreadLocalRandom.current().nextInt();
    }

    /** SYN, SYN-ACK, ACK. */
    public void open() throws IOException {
        segment(Direction.CLIENT_TO_SERVER, SYN, null, 0, 0);
        segment(Direction.SERVER_TO_CLIENT, SYN | ACK, null, 0, 0);
        segment(Direction.CLIENT_TO_SERVER, ACK, null, 0, 0);
    }

    /** Bytes {@code from} sent, as many segments as the MSS needs. */
    public void data(Direction from, byte[] bytes, int offset, int length) throws IOException {
        for (int at = 0; at < length; at += mss) {
            int n = Math.min(mss, length - at);
            segment(from, PSH | ACK, bytes, offset + at, n);
        }
    }

    /** {@code from} closed its sending side; after the second FIN the other side's final ACK follows. */
    public void fin(Direction from) throws IOException {
        int i = from.ordinal();
        if (finSent[i]) {
            return;
        }
        segment(from, FIN | ACK, null, 0, 0);
        finSent[i] = true;
        if (finSent[1 - i]) {
            segment(from.reverse(), ACK, null, 0, 0);
        }
    }

    /** {@code from} aborted the connection. */
    public void reset(Direction from) throws IOException {
        segment(from, RST | ACK, null, 0, 0);
        finSent[0] = finSent[1] = true;
    }

    public boolean closed() {
        return finSent[0] && finSent[1];
    }

    private void segment(Direction from, int flags, byte[] payload, int offset, int length) throws IOException {
        int s = from.ordinal();
        int d = 1 - s;
        int ipHeader = ipv6 ? 40 : 20;
        int tcpLength = 20 + length;
        ByteBuffer p = ByteBuffer.allocate(ipHeader + tcpLength);
        if (ipv6) {
            // IPv6 header (RFC 8200 section 3): no traffic class or flow label, next header 6 (TCP), hop limit 64.
            p.putInt(0x6000_0000).putShort((short) tcpLength).put((byte) 6).put((byte) 64).put(address[s]).put(address[d]);
        } else {
            // IPv4 header (RFC 791): no options, don't fragment, TTL 64, protocol 6 (TCP).
            p.put((byte) 0x45).put((byte) 0).putShort((short) (ipHeader + tcpLength)).putShort((short) ipId++)
                    .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0).put(address[s]).put(address[d]);
            p.putShort(10, checksum(p.array(), 0, 20, 0));
        }
        // TCP header (RFC 9293 section 3.1): no options; ACK carries the peer's next sequence number.
        boolean acks = (flags & ACK) != 0;
        p.putShort((short) port[s]).putShort((short) port[d]).putInt(next[s]).putInt(acks ? next[d] : 0)
                .put((byte) 0x50).put((byte) flags).putShort((short) WINDOW).putShort((short) 0).putShort((short) 0);
        if (length > 0) {
            p.put(payload, offset, length);
        }
        // The pseudo-header (RFC 9293 section 3.1, RFC 8200 section 8.1): both addresses, protocol 6 and the
        // TCP length; its 16-bit sum has the same form for both versions, whatever the address size.
        int pseudo = sum(address[s], 0, address[s].length) + sum(address[d], 0, address[d].length) + 6 + tcpLength;
        p.putShort(ipHeader + 16, checksum(p.array(), ipHeader, tcpLength, pseudo));
        // SYN and FIN each take one sequence number (RFC 9293 section 3.4).
        next[s] += length + ((flags & (SYN | FIN)) != 0 ? 1 : 0);
        writer.write(clock.instant(), p.array());
    }

    private static short checksum(byte[] b, int offset, int length, int initial) {
        int sum = initial + sum(b, offset, length);
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (short) ~sum;
    }

    /** The one's-complement sum of 16-bit words (RFC 1071), not yet folded. */
    private static int sum(byte[] b, int offset, int length) {
        int sum = 0;
        int i = offset;
        for (; i + 1 < offset + length; i += 2) {
            sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        if (i < offset + length) {
            sum += (b[i] & 0xff) << 8;
        }
        return sum;
    }

    private static byte[] ipv6(InetAddress a) {
        if (a instanceof Inet6Address) {
            return a.getAddress();
        }
        byte[] mapped = new byte[16];
        mapped[10] = mapped[11] = (byte) 0xff;
        System.arraycopy(a.getAddress(), 0, mapped, 12, 4);
        return mapped;
    }
}
