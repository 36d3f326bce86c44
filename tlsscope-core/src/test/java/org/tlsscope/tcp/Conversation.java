package org.tlsscope.tcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.tlsscope.net.Endpoint;
import org.tlsscope.net.TcpSegment;

/**
 * A made-up TCP conversation for property tests: two byte streams, cut into segments, sent in a
 * jumbled but plausible order, each segment acknowledging what its sender had received by then.
 */
final class Conversation {
    /** One segment to send: a range of one direction's stream, maybe ending it with a FIN. */
    record Planned(Direction direction, int offset, int length, boolean fin) {
    }

    private static final int MSS = 1460;
    /** How far a segment may be moved from its place in sending order. */
    private static final int REORDER_WINDOW = 8;

    final Endpoint client;
    final Endpoint server;
    final byte[] clientBytes;
    final byte[] serverBytes;
    final long clientIsn;
    final long serverIsn;
    /** The segments in capture order, handshake excluded. */
    final List<Planned> order;

    private Conversation(Endpoint client, Endpoint server, byte[] clientBytes, byte[] serverBytes, long clientIsn,
                         long serverIsn, List<Planned> order) {
        this.client = client;
        this.server = server;
        this.clientBytes = clientBytes;
        this.serverBytes = serverBytes;
        this.clientIsn = clientIsn;
        this.serverIsn = serverIsn;
        this.order = order;
    }

    /**
     * Cuts both streams into segments of random size, interleaves them, and moves each up to a few places;
     * when {@code messy}, also sends some twice and adds segments that overlap their neighbours.
     */
    static Conversation jumbled(Endpoint client, Endpoint server, byte[] clientBytes, byte[] serverBytes,
                                long clientIsn, long serverIsn, boolean messy, Random random) {
        List<Planned> order = interleave(cut(Direction.CLIENT_TO_SERVER, clientBytes.length, random),
                cut(Direction.SERVER_TO_CLIENT, serverBytes.length, random), random);
        if (messy) {
            for (int i = order.size() - 1; i >= 0; i--) {
                Planned p = order.get(i);
                int len = p.direction() == Direction.CLIENT_TO_SERVER ? clientBytes.length : serverBytes.length;
                int dice = random.nextInt(100);
                if (dice < 15) {
                    order.add(later(i, order.size(), random), p);
                } else if (dice < 30 && p.length() > 0) {
                    int from = Math.max(0, p.offset() - random.nextInt(2 * MSS));
                    int to = Math.min(len, p.offset() + p.length() + random.nextInt(2 * MSS));
                    order.add(later(i, order.size(), random), new Planned(p.direction(), from, to - from, false));
                }
            }
        }
        for (int i = 0; i < order.size(); i++) {
            Collections.swap(order, i, Math.min(order.size() - 1, i + random.nextInt(REORDER_WINDOW)));
        }
        return new Conversation(client, server, clientBytes, serverBytes, clientIsn, serverIsn, order);
    }

    private static List<Planned> cut(Direction direction, int length, Random random) {
        List<Planned> segments = new ArrayList<>();
        for (int offset = 0; offset < length; ) {
            int size = Math.min(length - offset, 1 + random.nextInt(random.nextBoolean() ? 64 : MSS));
            segments.add(new Planned(direction, offset, size, false));
            offset += size;
        }
        segments.add(new Planned(direction, length, 0, true));
        return segments;
    }

    private static List<Planned> interleave(List<Planned> a, List<Planned> b, Random random) {
        List<Planned> out = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            out.add(j == b.size() || (i < a.size() && random.nextBoolean()) ? a.get(i++) : b.get(j++));
        }
        return out;
    }

    private static int later(int index, int size, Random random) {
        return Math.min(size, index + 1 + random.nextInt(REORDER_WINDOW));
    }

    byte[] bytes(Direction direction) {
        return direction == Direction.CLIENT_TO_SERVER ? clientBytes : serverBytes;
    }

    /** The three-way handshake (RFC 9293 section 3.5). */
    List<TcpSegment> handshake(Wire wire) {
        return List.of(wire.send(client, server, clientIsn, 0, TcpSegment.SYN),
                wire.send(server, client, serverIsn, clientIsn + 1, TcpSegment.SYN | TcpSegment.ACK),
                wire.send(client, server, clientIsn + 1, serverIsn + 1, TcpSegment.ACK));
    }

    /**
     * The planned segments as the capture holds them, each acknowledging the contiguous bytes (and FIN)
     * its sender had received up to that point in capture order.
     */
    List<TcpSegment> segments(Wire wire) {
        BitSet[] received = {new BitSet(), new BitSet()};
        boolean[] finReceived = new boolean[2];
        List<TcpSegment> out = new ArrayList<>(order.size());
        for (Planned p : order) {
            int from = p.direction().ordinal();
            int to = 1 - from;
            int peerLength = bytes(p.direction().reverse()).length;
            int peerPrefix = Math.min(received[to].nextClearBit(0), peerLength);
            long ack = isn(p.direction().reverse()) + 1 + peerPrefix
                    + (finReceived[to] && peerPrefix == peerLength ? 1 : 0);
            int flags = TcpSegment.ACK | (p.length() > 0 ? TcpSegment.PSH : 0) | (p.fin() ? TcpSegment.FIN : 0);
            byte[] data = Arrays.copyOfRange(bytes(p.direction()), p.offset(), p.offset() + p.length());
            Endpoint src = p.direction() == Direction.CLIENT_TO_SERVER ? client : server;
            out.add(wire.send(src, src == client ? server : client, isn(p.direction()) + 1 + p.offset(), ack,
                    flags, data));
            received[from].set(p.offset(), p.offset() + p.length());
            finReceived[from] |= p.fin();
        }
        return out;
    }

    private long isn(Direction direction) {
        return direction == Direction.CLIENT_TO_SERVER ? clientIsn : serverIsn;
    }
}
