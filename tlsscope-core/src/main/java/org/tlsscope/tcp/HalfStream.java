package org.tlsscope.tcp;

import org.tlsscope.bytes.Slice;
import org.tlsscope.net.Endpoint;
import org.tlsscope.net.TcpSegment;

/**
 * One direction of a connection: puts the sender's bytes back in sequence order and hands them on.
 *
 * <p>Positions are kept as 64-bit stream offsets (0 = first data byte), found from a segment's 32-bit
 * sequence number by its signed distance from the next expected byte: sequence space wraps at 2^32 and
 * is only ever compared within a window (RFC 9293 section 3.4, RFC 1982 serial number arithmetic).
 *
 * <p>The common case, the next expected bytes, goes straight to the handler as the segment's own slice.
 * Only data ahead of a hole is copied and held, until the hole is filled or declared lost.
 */
final class HalfStream {
    private static final long NO_FIN = -1;

    private final Flow flow;
    private final Endpoint sender;
    private final TcpLimits limits;
    private final OutOfOrderBuffer ahead = new OutOfOrderBuffer();
    private boolean started;
    /** The sequence number of stream offset 0 (unsigned 32 bits). */
    private long origin;
    /** Stream offset of the next byte to deliver: everything before it has been delivered or declared lost. */
    private long next;
    /** Stream offset the FIN occupies (one past the last data byte), once a FIN was seen. */
    private long fin = NO_FIN;
    /** One past the furthest byte (or FIN) the sender has been seen to send. */
    private long highestSent;
    /** Segments of this direction seen while the first hole stayed open. */
    private int holeAge;
    private boolean limitReported;

    HalfStream(Flow flow, Endpoint sender, TcpLimits limits) {
        this.flow = flow;
        this.sender = sender;
        this.limits = limits;
    }

    Endpoint sender() {
        return sender;
    }

    boolean finSeen() {
        return fin != NO_FIN;
    }

    /** Every byte up to the FIN has been delivered or declared lost. */
    boolean complete() {
        return fin != NO_FIN && next >= fin;
    }

    /**
     * Fixes where the stream starts, if nothing did yet: the byte after a SYN's sequence number (the SYN
     * occupies one, RFC 9293 section 3.4), or for a stream caught without its SYN, its first segment.
     */
    void startAt(long seq) {
        if (!started) {
            origin = seq;
            started = true;
        }
    }

    /**
     * Moves the start of a stream that has carried nothing yet: a SYN/ACK with a new initial sequence
     * number, sent again by a server that had forgotten the first, replaces the one seen before it.
     */
    void restartAt(long seq) {
        if (started && next == 0 && ahead.isEmpty() && fin == NO_FIN) {
            origin = seq;
        }
    }

    /** One segment sent by this side (not a RST, which ends the connection instead). */
    void onSegment(TcpSegment s) {
        // A SYN's data (TCP Fast Open, RFC 7413) follows the sequence number the SYN itself occupies.
        long dataSeq = s.has(TcpSegment.SYN) ? (s.seq() + 1) & 0xffffffffL : s.seq();
        int wire = Math.max(0, s.payloadWireLength());
        Slice payload = s.payload().length() > wire ? s.payload().slice(0, wire) : s.payload();
        boolean hasFin = s.has(TcpSegment.FIN);
        if (!started) {
            if (wire == 0 && !hasFin && !s.has(TcpSegment.SYN)) {
                return;
            }
            startAt(dataSeq);
        }
        long start = offsetOf(dataSeq);
        long end = start + wire;
        if (hasFin && fin == NO_FIN) {
            fin = end;
        }
        if ((wire > 0 || hasFin) && end > highestSent) {
            highestSent = end;
        }
        // Data wholly before the next expected byte is a retransmission or a keep-alive (RFC 9293 section
        // 3.8.4: one old byte): none of it is new.
        if (wire > 0 && end > next) {
            if (start > next) {
                makeRoom(start, payload.length(), s);
            }
            if (start <= next) {
                deliver(start, payload, wire, s);
                drain(s);
            } else {
                ahead.insert(start, payload, wire, s);
            }
        }
        ageHole(s);
    }

    /**
     * The other side acknowledged up to {@code ack}: it has every byte before it, so any of those the
     * capture lacks was lost by the capture, not the network, and will never be retransmitted.
     *
     * <p>Only bytes the sender was seen to send past are believed: an acknowledgment beyond them may be
     * a challenge ACK (RFC 5961 section 4) or one for an older connection on the same ports, with an
     * arbitrary number in it; a lost tail is declared when later data or the FIN shows where it ends.
     */
    void onPeerAck(long ack, TcpSegment s) {
        if (!started) {
            return;
        }
        // The FIN occupies a sequence number of its own, acknowledged with the data.
        long acked = Math.min(offsetOf(ack), fin != NO_FIN ? Math.min(fin, highestSent) : highestSent);
        while (next < acked) {
            skipTo(ahead.isEmpty() ? acked : Math.min(acked, ahead.firstStart()), s.frame().number());
            drain(null);
        }
    }

    /** The connection is ending: whatever is held is delivered, every hole before it declared lost. */
    void flush(long frame) {
        while (!ahead.isEmpty()) {
            skipTo(ahead.firstStart(), frame);
            drain(null);
        }
        if (fin != NO_FIN) {
            skipTo(fin, frame);
        }
    }

    private long offsetOf(long seq) {
        return next + (int) (seq - origin - next);
    }

    /** Declares holes lost, oldest first, until a segment starting at {@code start} may be held. */
    private void makeRoom(long start, int bytes, TcpSegment s) {
        while (start > next && (ahead.heldBytes() + bytes + s.frame().data().length() > limits.maxBufferedBytes()
                || ahead.pieceCount() >= limits.maxBufferedSegments())) {
            if (!limitReported) {
                limitReported = true;
                flow.problem(this, s.frame().number(), "tcp.buffer_limit",
                        "more than " + limits.maxBufferedBytes() + " bytes or " + limits.maxBufferedSegments()
                                + " segments waiting behind a hole at stream offset " + next
                                + "; the hole is declared lost");
            }
            skipTo(ahead.isEmpty() ? start : Math.min(start, ahead.firstStart()), s.frame().number());
            drain(null);
        }
    }

    /** Delivers the part of [start, start + wire) not yet delivered; bytes the snaplen cut are a gap. */
    private void deliver(long start, Slice captured, int wire, TcpSegment s) {
        int skip = (int) (next - start);
        if (skip < captured.length()) {
            flow.data(this, skip == 0 ? captured : captured.from(skip), s);
            next = start + captured.length();
        }
        skipTo(start + wire, s.frame().number());
    }

    /**
     * Delivers held bytes that the next expected byte has reached. Where {@code filler} closed the hole,
     * the held bytes were completed by it and are attributed to it (as tshark shows a PDU at the frame
     * that completes it); where the hole was declared lost ({@code filler} null) nothing completed them,
     * and each piece keeps the segment, of this direction, that carried it.
     */
    private void drain(TcpSegment filler) {
        boolean closedHole = false;
        while (!ahead.isEmpty() && ahead.firstStart() <= next) {
            OutOfOrderBuffer.Piece p = ahead.pollFirst();
            closedHole = true;
            if (p.end() > next) {
                deliver(p.start(), Slice.of(p.bytes()), p.span(), filler == null ? p.segment() : filler);
            }
        }
        if (closedHole) {
            holeAge = 0;
        }
    }

    /** A hole the retransmission has not filled after this many later segments never will. */
    private void ageHole(TcpSegment s) {
        if (!ahead.isEmpty() && ++holeAge > limits.maxHoleAgeSegments()) {
            skipTo(ahead.firstStart(), s.frame().number());
            drain(null);
        }
    }

    private void skipTo(long offset, long frame) {
        if (offset > next) {
            flow.gap(this, offset - next, frame);
            next = offset;
        }
    }
}
