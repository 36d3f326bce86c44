package org.tlsscope.tcp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import org.tlsscope.net.TcpSegment;

/**
 * Turns TCP segments, in capture order, into connections and their two in-order byte streams.
 *
 * <p>Connections are tracked by 4-tuple and numbered from 1 in order of first appearance. A connection
 * ends exactly once: FIN both ways (after every byte before them is delivered), RST (once the other
 * side's data in flight has been taken), a new SYN on its ports (PORT_REUSED), eviction for room or
 * idleness (EVICTED), or {@link #finish} (CAPTURE_END). After
 * its end nothing is kept for it but its ports, for a while and for a bounded number of connections, so
 * memory follows the open connections, never the capture's size.
 *
 * <p>A segment on ports with no open connection opens one only if it carries a SYN or data, and is not
 * a straggler of a connection that closed there moments ago ({@link TimeWait}).
 */
public final class TcpReassembler {
    private final ConnectionListener listener;
    private final TcpLimits limits;
    private final long idleTimeoutNanos;
    /** Idle connections are looked for this often (capture time), not on every segment. */
    private final long sweepIntervalNanos;
    private final ArrayDeque<Reset> resets = new ArrayDeque<>();
    /** Open connections, least recently active first. */
    private final LinkedHashMap<ConnectionKey, Flow> flows = new LinkedHashMap<>(1024, 0.75f, true);
    private final TimeWait timeWait;
    private int lastId;
    private long previousNanos = Long.MIN_VALUE;
    private long nextSweepNanos = Long.MIN_VALUE;
    private long lastFrame;

    public TcpReassembler(ConnectionListener listener) {
        this(listener, TcpLimits.DEFAULT);
    }

    public TcpReassembler(ConnectionListener listener, TcpLimits limits) {
        this.listener = listener;
        this.limits = limits;
        this.idleTimeoutNanos = limits.idleTimeout().toNanos();
        this.sweepIntervalNanos = Math.max(1, Math.min(idleTimeoutNanos / 4, 1_000_000_000L));
        this.timeWait = new TimeWait(limits.maxConnections());
    }

    /** Takes the next segment of the capture. */
    public void accept(TcpSegment s) {
        long now = s.frame().timestampNanos();
        long frame = s.frame().number();
        lastFrame = frame;
        // Idleness is judged by a clock that two frames in a row have reached, so that one frame with a
        // wild timestamp (captures have them) does not end every connection at once.
        long settled = Math.min(now, previousNanos);
        previousNanos = now;
        if (settled >= nextSweepNanos) {
            endReset(settled, frame);
            endIdle(settled, frame);
            nextSweepNanos = settled + sweepIntervalNanos;
        }
        ConnectionKey key = ConnectionKey.of(s.src(), s.dst());
        Flow flow = flows.get(key);
        if (flow != null && s.has(TcpSegment.SYN) && !s.has(TcpSegment.ACK) && !flow.isOwnSyn(s)) {
            flows.remove(key);
            flow.end(StreamHandler.EndReason.PORT_REUSED, frame);
            flow = null;
        }
        if (flow == null) {
            if (!opensConnection(s, key, now)) {
                return;
            }
            flow = open(key, s);
        }
        boolean wasReset = flow.wasReset();
        StreamHandler.EndReason end = flow.accept(s);
        if (end != null) {
            flows.remove(key);
            timeWait.closed(key, now);
            flow.end(end, frame);
        } else if (!wasReset && flow.wasReset()) {
            resets.addLast(new Reset(key, flow));
        }
    }

    /**
     * No segment has come for {@code quietNanos} after the last one: a live source waiting for packets says
     * so, so that a reset connection whose grace is over, or one idle for too long, ends now and not at the
     * next segment, which may be long in coming. Time is the capture's: the last segment's, plus the wait.
     */
    public void quiet(long quietNanos) {
        if (previousNanos == Long.MIN_VALUE || quietNanos <= 0) {
            return;
        }
        long now = previousNanos + quietNanos;
        endReset(now, lastFrame);
        endIdle(now, lastFrame);
    }

    /** A reset connection waiting out its grace for segments in flight, in order of reset. */
    private record Reset(ConnectionKey key, Flow flow) {
    }

    /** The capture is over at {@code lastFrame}: every open connection ends, in the order they began. */
    public void finish(long lastFrame) {
        List<Flow> open = new ArrayList<>(flows.values());
        flows.clear();
        open.sort(Comparator.comparingInt(f -> f.connection().id()));
        for (Flow f : open) {
            f.end(StreamHandler.EndReason.CAPTURE_END, lastFrame);
        }
    }

    /** Connections currently open: what the reassembler's memory is proportional to. */
    public int openConnections() {
        return flows.size();
    }

    /**
     * Whether a segment on ports with no open connection opens one: a SYN does; data does, unless it
     * straggles after the close of the connection that had these ports; a bare ACK, FIN or RST does not.
     */
    private boolean opensConnection(TcpSegment s, ConnectionKey key, long now) {
        if (s.has(TcpSegment.SYN) && !s.has(TcpSegment.ACK)) {
            timeWait.reopened(key);
            return true;
        }
        if (s.has(TcpSegment.RST) || timeWait.holds(key, now)) {
            return false;
        }
        return s.has(TcpSegment.SYN) || s.payloadWireLength() > 0;
    }

    private Flow open(ConnectionKey key, TcpSegment s) {
        if (flows.size() >= limits.maxConnections()) {
            flows.pollFirstEntry().getValue().end(StreamHandler.EndReason.EVICTED, s.frame().number());
        }
        boolean senderIsClient = senderIsClient(s);
        TcpConnection connection = new TcpConnection(++lastId, senderIsClient ? s.src() : s.dst(),
                senderIsClient ? s.dst() : s.src(), s.frame().number(), s.frame().timestampNanos(),
                s.has(TcpSegment.SYN));
        Flow flow = new Flow(connection, listener, s, limits);
        flows.put(key, flow);
        return flow;
    }

    /**
     * The client sent the SYN, or received the SYN/ACK. Caught mid-stream, the client is guessed to be
     * the side on the higher port, as clients use ephemeral ports (RFC 6335 section 6), or on equal
     * ports the side heard first.
     */
    private static boolean senderIsClient(TcpSegment s) {
        if (s.has(TcpSegment.SYN)) {
            return !s.has(TcpSegment.ACK);
        }
        return s.src().port() >= s.dst().port();
    }

    /** Ends the reset connections whose grace is over, so they do not wait for the idle timeout. */
    private void endReset(long now, long frame) {
        while (!resets.isEmpty() && resets.peekFirst().flow().resetGraceOver(now)) {
            Reset r = resets.pollFirst();
            if (flows.get(r.key()) == r.flow()) {
                flows.remove(r.key());
                timeWait.closed(r.key(), now);
                r.flow().end(StreamHandler.EndReason.RST, frame);
            }
        }
    }

    private void endIdle(long now, long frame) {
        Iterator<Flow> eldestFirst = flows.values().iterator();
        while (eldestFirst.hasNext()) {
            Flow f = eldestFirst.next();
            if (now - f.lastActiveNanos() < idleTimeoutNanos) {
                return;
            }
            eldestFirst.remove();
            f.end(StreamHandler.EndReason.EVICTED, frame);
        }
    }
}
