package org.tlsscope.tcp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.tlsscope.bytes.Slice;
import org.tlsscope.net.TcpSegment;

/** A listener that writes down everything the reassembler tells it, for tests to look at. */
final class Recorder implements ConnectionListener {
    sealed interface Event permits Data, Gap, End {
    }

    record Data(Direction direction, byte[] bytes, long frame) implements Event {
    }

    record Gap(Direction direction, long missing, long frame) implements Event {
    }

    record End(StreamHandler.EndReason reason, long frame) implements Event {
    }

    record Problem(int connection, Direction direction, long frame, String code) {
    }

    /** One connection's handler: its events in the order they came. */
    static final class Connection implements StreamHandler {
        final TcpConnection connection;
        final List<Event> events = new ArrayList<>();

        Connection(TcpConnection connection) {
            this.connection = connection;
        }

        @Override
        public void onData(Direction direction, Slice data, TcpSegment segment) {
            events.add(new Data(direction, data.toArray(), segment.frame().number()));
        }

        @Override
        public void onGap(Direction direction, long missing, long frame) {
            events.add(new Gap(direction, missing, frame));
        }

        @Override
        public void onEnd(EndReason reason, long frame) {
            events.add(new End(reason, frame));
        }

        /** The bytes delivered in one direction, gaps left out. */
        byte[] bytes(Direction direction) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Event e : events) {
                if (e instanceof Data d && d.direction() == direction) {
                    out.writeBytes(d.bytes());
                }
            }
            return out.toByteArray();
        }

        List<Gap> gaps(Direction direction) {
            return events.stream().filter(e -> e instanceof Gap g && g.direction() == direction)
                    .map(Gap.class::cast).toList();
        }

        List<End> ends() {
            return events.stream().filter(End.class::isInstance).map(End.class::cast).toList();
        }

        /** How it ended; asserts it ended exactly once and heard nothing after. */
        StreamHandler.EndReason endReason() {
            List<End> ends = ends();
            if (ends.size() != 1 || events.getLast() != ends.getFirst()) {
                throw new AssertionError("expected exactly one end, last: " + events);
            }
            return ends.getFirst().reason();
        }
    }

    final List<Connection> connections = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    @Override
    public StreamHandler onConnection(TcpConnection connection, TcpSegment first) {
        Connection c = new Connection(connection);
        connections.add(c);
        return c;
    }

    @Override
    public void onTcpProblem(TcpConnection connection, Direction direction, long frame, String code, String message) {
        problems.add(new Problem(connection.id(), direction, frame, code));
    }

    Connection only() {
        if (connections.size() != 1) {
            throw new AssertionError("expected one connection, got " + connections.size());
        }
        return connections.getFirst();
    }
}
