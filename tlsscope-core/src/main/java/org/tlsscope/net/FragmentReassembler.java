package org.tlsscope.net;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tlsscope.bytes.Slice;

/**
 * Rebuilds fragmented IP datagrams (RFC 791 section 3.2, RFC 8200 section 4.5), with bounded memory:
 * a datagram cannot exceed 65535 bytes, at most {@value #MAX_PENDING} datagrams wait at a time (the
 * oldest is dropped for a new one), and a datagram still incomplete {@value #TIMEOUT_SECONDS} seconds
 * (capture time) after its first fragment is dropped, as RFC 8200 prescribes.
 *
 * <p>Overlapping fragments: the bytes that arrived first win and later copies are ignored where they
 * overlap, so a retransmitted or forged fragment cannot rewrite data already accepted (the "first"
 * policy of Shankar and Paxson's target-based reassembly; RFC 5722 forbids overlaps for IPv6 outright,
 * and a sender never produces them).
 */
final class FragmentReassembler {
    static final int MAX_DATAGRAM = 65535;
    static final int MAX_PENDING = 256;
    private static final long TIMEOUT_SECONDS = 60;
    private static final long TIMEOUT_NANOS = TIMEOUT_SECONDS * 1_000_000_000L;

    /** RFC 791: source, destination, protocol, identification. For IPv6 the protocol is not part of it. */
    record Key(IpAddress src, IpAddress dst, int protocol, long id) {
    }

    /** The rebuilt payload and the protocol the first fragment announced. */
    record Reassembled(Slice payload, int protocol) {
    }

    private static final class Pending {
        final long firstSeenNanos;
        byte[] data = new byte[0];
        final BitSet received = new BitSet();
        int totalLength = -1;
        int protocol = -1;

        Pending(long firstSeenNanos) {
            this.firstSeenNanos = firstSeenNanos;
        }
    }

    private final LinkedHashMap<Key, Pending> pending = new LinkedHashMap<>();

    /**
     * Adds one fragment; returns the datagram once every byte of it has arrived.
     *
     * @param offset   fragment offset in bytes; {@code offset + data.length()} is at most {@link #MAX_DATAGRAM}
     * @param more     the More Fragments flag
     * @param protocol the protocol (IPv4) or next header (IPv6) this fragment announces, used from
     *                 the fragment at offset 0
     */
    Reassembled offer(Key key, int offset, boolean more, int protocol, Slice data, long timestampNanos) {
        expire(timestampNanos);
        Pending datagram = pending.get(key);
        if (datagram == null) {
            if (pending.size() >= MAX_PENDING) {
                Iterator<Pending> oldest = pending.values().iterator();
                oldest.next();
                oldest.remove();
            }
            datagram = new Pending(timestampNanos);
            pending.put(key, datagram);
        }
        int end = offset + data.length();
        if (!more && datagram.totalLength < 0) {
            datagram.totalLength = end;
        }
        if (offset == 0) {
            datagram.protocol = protocol;
        }
        if (end > datagram.data.length) {
            datagram.data = Arrays.copyOf(datagram.data, Math.max(end, Math.min(MAX_DATAGRAM, 2 * datagram.data.length)));
        }
        // Copy only into the holes: bytes already received stay as they first arrived.
        for (int from = datagram.received.nextClearBit(offset); from < end; ) {
            int next = datagram.received.nextSetBit(from);
            int to = next < 0 || next > end ? end : next;
            data.slice(from - offset, to - from).copyTo(datagram.data, from);
            from = datagram.received.nextClearBit(to);
        }
        datagram.received.set(offset, end);
        if (datagram.totalLength < 0 || datagram.protocol < 0
                || datagram.received.nextClearBit(0) < datagram.totalLength) {
            return null;
        }
        pending.remove(key);
        return new Reassembled(Slice.of(datagram.data, 0, datagram.totalLength), datagram.protocol);
    }

    /** Datagrams waiting for fragments. */
    int pendingCount() {
        return pending.size();
    }

    private void expire(long nowNanos) {
        Iterator<Map.Entry<Key, Pending>> oldestFirst = pending.entrySet().iterator();
        while (oldestFirst.hasNext() && nowNanos - oldestFirst.next().getValue().firstSeenNanos > TIMEOUT_NANOS) {
            oldestFirst.remove();
        }
    }
}
