package org.tlsscope.tcp;

import java.util.Objects;
import org.tlsscope.bytes.Slice;
import org.tlsscope.net.Endpoint;
import org.tlsscope.net.TcpSegment;

/** The reassembler's state for one open connection: its two half streams and what its SYN said. */
final class Flow {
    /**
     * How long after a RST the other side's segments still in flight are taken. They arrive within a
     * round trip; seconds are plenty, and a short grace keeps reset connections, which are common (many
     * clients close that way), from piling up: until the grace ends their state is held.
     */
    static final long RESET_GRACE_NANOS = 10 * 1_000_000_000L;

    private final TcpConnection connection;
    private final ConnectionListener listener;
    private final StreamHandler handler;
    /** The stream of the side that sent the connection's first captured segment, and the other one. */
    private final HalfStream opener;
    private final HalfStream answerer;
    /** Who sent the SYN and its sequence number, once known from the SYN or from the SYN/ACK. */
    private Endpoint synSender;
    private long synIsn;
    /** ISN + 1 of the latest SYN/ACK: the server stream starts there once the client acknowledges it. */
    private long synAckNext = -1;
    /** The side that sent a RST and the frame it came in, once one came. */
    private HalfStream resetBy;
    private long resetFrame;
    private long resetNanos;
    private long lastActiveNanos;

    Flow(TcpConnection connection, ConnectionListener listener, TcpSegment first, TcpLimits limits) {
        this.connection = connection;
        this.listener = listener;
        this.opener = new HalfStream(this, first.src(), limits);
        this.answerer = new HalfStream(this, first.dst(), limits);
        this.handler = Objects.requireNonNull(listener.onConnection(connection, first),
                "ConnectionListener.onConnection returned no handler");
    }

    TcpConnection connection() {
        return connection;
    }

    long lastActiveNanos() {
        return lastActiveNanos;
    }

    /** Whether a RST came and its grace for segments in flight is over at capture time {@code now}. */
    boolean resetGraceOver(long now) {
        return resetBy != null && now - resetNanos > RESET_GRACE_NANOS;
    }

    boolean wasReset() {
        return resetBy != null;
    }

    /** Takes one segment of this connection; answers why the connection ended with it, or null. */
    StreamHandler.EndReason accept(TcpSegment s) {
        lastActiveNanos = s.frame().timestampNanos();
        HalfStream from = s.src().equals(opener.sender()) ? opener : answerer;
        HalfStream to = from == opener ? answerer : opener;
        if (resetBy != null) {
            return afterReset(s, from);
        }
        if (s.has(TcpSegment.RST)) {
            // A RST's payload is diagnostic text, not stream data (RFC 1122 section 4.2.2.12).
            resetBy = from;
            resetFrame = s.frame().number();
            resetNanos = s.frame().timestampNanos();
            return null;
        }
        if (s.has(TcpSegment.SYN)) {
            noteSyn(s, to);
        }
        from.onSegment(s);
        if (s.has(TcpSegment.ACK)) {
            if (s.ack() == synAckNext && s.src().equals(synSender)) {
                // Servers have been seen to answer a repeated SYN with a SYN/ACK of a new ISN: the
                // one the client acknowledges is the one the server's data will follow.
                to.restartAt(synAckNext);
            }
            to.onPeerAck(s.ack(), s);
        }
        return from.complete() && to.complete() ? StreamHandler.EndReason.FIN : null;
    }

    /**
     * After a RST its sender is gone, but what the other side sent before it heard of the reset is still
     * arriving, and may be the most telling data of the connection (a server still answering a
     * heartbeat, say). The other side's segments are taken, and the resetting side's repeated RSTs (it
     * answers each segment it still receives with one, RFC 9293 section 3.5.2) ignored; anything else,
     * or anything later than a segment can live in the network, ends the connection.
     */
    private StreamHandler.EndReason afterReset(TcpSegment s, HalfStream from) {
        boolean inFlight = from == resetBy
                ? s.has(TcpSegment.RST)
                : !s.has(TcpSegment.RST) && !s.has(TcpSegment.SYN);
        if (!inFlight || s.frame().timestampNanos() - resetNanos > RESET_GRACE_NANOS) {
            return StreamHandler.EndReason.RST;
        }
        if (from != resetBy) {
            from.onSegment(s);
        }
        return null;
    }

    /**
     * Whether a SYN (without ACK) is a retransmission of this connection's own SYN, rather than a new
     * connection on the same ports: same sender, same initial sequence number, and no FIN or RST yet.
     */
    boolean isOwnSyn(TcpSegment s) {
        return s.src().equals(synSender) && s.seq() == synIsn && resetBy == null && !opener.finSeen()
                && !answerer.finSeen();
    }

    private void noteSyn(TcpSegment s, HalfStream to) {
        if (!s.has(TcpSegment.ACK)) {
            if (synSender == null) {
                synSender = s.src();
                synIsn = s.seq();
            }
            return;
        }
        // A SYN/ACK acknowledges the client's ISN + 1: where the client's stream starts even when its
        // SYN was not captured (RFC 9293 section 3.5).
        to.startAt(s.ack());
        synAckNext = (s.seq() + 1) & 0xffffffffL;
        if (synSender == null) {
            synSender = s.dst();
            synIsn = (s.ack() - 1) & 0xffffffffL;
        }
    }

    /**
     * Delivers what is still held, client side first, then tells the handler the connection is over:
     * a connection that was reset ends as RST at the frame of its RST, whatever finally closed it.
     */
    void end(StreamHandler.EndReason reason, long frame) {
        HalfStream client = directionOf(opener) == Direction.CLIENT_TO_SERVER ? opener : answerer;
        client.flush(frame);
        (client == opener ? answerer : opener).flush(frame);
        if (resetBy != null) {
            handler.onEnd(StreamHandler.EndReason.RST, resetFrame);
        } else {
            handler.onEnd(reason, frame);
        }
    }

    void data(HalfStream from, Slice bytes, TcpSegment s) {
        handler.onData(directionOf(from), bytes, s);
    }

    void gap(HalfStream from, long missing, long frame) {
        handler.onGap(directionOf(from), missing, frame);
    }

    void problem(HalfStream from, long frame, String code, String message) {
        listener.onTcpProblem(connection, directionOf(from), frame, code, message);
    }

    /** Asked at each delivery, since a later layer may swap the roles (TcpConnection.swapRoles). */
    private Direction directionOf(HalfStream stream) {
        return stream.sender().equals(connection.client()) ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
    }
}
