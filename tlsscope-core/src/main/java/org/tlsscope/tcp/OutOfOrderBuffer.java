package org.tlsscope.tcp;

import java.util.Map;
import java.util.TreeMap;
import org.tlsscope.bytes.Slice;
import org.tlsscope.net.TcpSegment;

/**
 * Segments of one direction that arrived ahead of a hole, keyed by stream offset. Pieces never overlap:
 * an arriving segment is trimmed against what is already held, and only its new bytes are copied. Each
 * piece remembers the segment it came from: its bytes are delivered later, but were captured in that
 * frame, and the views show that frame's number and headers.
 */
final class OutOfOrderBuffer {
    private static final byte[] NONE = new byte[0];

    /**
     * {@code span} stream bytes starting at {@code start}, of which the capture holds the first
     * {@code bytes.length}; the rest were cut by the snaplen and are known to be lost. {@code segment}
     * is the segment that carried them.
     */
    record Piece(long start, byte[] bytes, int span, TcpSegment segment) {
        /**
         * The memory this piece keeps alive: its copied bytes, and the frame its segment came in (kept
         * for the frame number and headers of the delivery). The buffer's bound counts both, so a few
         * thousand held 64 KiB loopback frames cannot hide behind a small count of copied bytes.
         */
        long memory() {
            return bytes.length + (long) segment.frame().data().length();
        }

        long end() {
            return start + span;
        }
    }

    /** Made when a first segment arrives ahead of a hole: most directions of most connections never have one. */
    private TreeMap<Long, Piece> pieces;
    private long heldBytes;

    boolean isEmpty() {
        return pieces == null || pieces.isEmpty();
    }

    /** Memory held, as {@link Piece#memory()} counts it. */
    long heldBytes() {
        return heldBytes;
    }

    int pieceCount() {
        return pieces == null ? 0 : pieces.size();
    }

    long firstStart() {
        return pieces.firstKey();
    }

    Piece pollFirst() {
        Piece p = pieces.pollFirstEntry().getValue();
        heldBytes -= p.memory();
        return p;
    }

    /**
     * Holds stream range [start, start + wireLength), whose first {@code data.length()} bytes are
     * {@code data}, minus whatever part of it is already held.
     */
    void insert(long start, Slice data, int wireLength, TcpSegment segment) {
        if (pieces == null) {
            pieces = new TreeMap<>();
        }
        long end = start + wireLength;
        long at = start;
        Map.Entry<Long, Piece> before = pieces.floorEntry(at);
        if (before != null) {
            at = Math.max(at, before.getValue().end());
        }
        while (at < end) {
            Map.Entry<Long, Piece> after = pieces.ceilingEntry(at);
            long until = after == null ? end : Math.min(end, after.getKey());
            if (until > at) {
                hold(at, until, start, data, segment);
            }
            if (after == null) {
                break;
            }
            at = after.getValue().end();
        }
    }

    private void hold(long from, long until, long dataStart, Slice data, TcpSegment segment) {
        long capturedEnd = Math.min(until, dataStart + data.length());
        byte[] bytes = from < capturedEnd
                ? data.slice((int) (from - dataStart), (int) (capturedEnd - from)).toArray()
                : NONE;
        Piece piece = new Piece(from, bytes, (int) (until - from), segment);
        pieces.put(from, piece);
        heldBytes += piece.memory();
    }
}
