package org.tlsscope.tls.connection;

import org.tlsscope.testing.TlsHarness;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.tlsscope.analysis.Finding;
import org.tlsscope.bytes.Slice;
import org.tlsscope.capture.Frame;
import org.tlsscope.net.Endpoint;
import org.tlsscope.net.TcpSegment;
import org.tlsscope.tcp.TcpReassembler;
import org.tlsscope.tls.handshake.ParsedMessage;

/**
 * Random handshakes through the TCP layer too: cut at random record and segment boundaries, segments
 * reordered within a window, some retransmitted whole or overlapping their neighbours. The TLS layer
 * must see exactly the messages that were sent, with no gap and no finding.
 */
class ReorderedHandshakePropertyTest {
    private long frame;

    @Property(tries = 150)
    void reorderedAndRetransmittedSegmentsParseBack(@ForAll long seed) {
        Random rnd = new Random(seed);
        List<List<Slice>> flights = RandomHandshakes.flights(rnd);
        Slice clientWire = RandomHandshakes.records(flights.get(0), rnd);
        Slice serverWire = RandomHandshakes.records(flights.get(1), rnd);
        long isnClient = rnd.nextLong() & 0xffffffffL;
        long isnServer = rnd.nextLong() & 0xffffffffL;

        List<RecordEvent> records = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        TlsListener collect = new TlsListener() {
            @Override
            public void onRecord(RecordEvent e) {
                records.add(e);
            }

            @Override
            public void onFinding(Finding f) {
                findings.add(f);
            }
        };
        TcpReassembler tcp = new TcpReassembler((connection, first) -> new TlsConnection(connection, collect));
        Endpoint c = TlsHarness.CLIENT;
        Endpoint s = TlsHarness.SERVER;
        tcp.accept(segment(c, s, isnClient, 0, TcpSegment.SYN, Slice.EMPTY));
        tcp.accept(segment(s, c, isnServer, isnClient + 1, TcpSegment.SYN | TcpSegment.ACK, Slice.EMPTY));
        tcp.accept(segment(c, s, isnClient + 1, isnServer + 1, TcpSegment.ACK, Slice.EMPTY));
        for (TcpSegment seg : scramble(c, s, isnClient + 1, isnServer + 1, clientWire, rnd)) {
            tcp.accept(seg);
        }
        for (TcpSegment seg : scramble(s, c, isnServer + 1, isnClient + 1 + clientWire.length(), serverWire, rnd)) {
            tcp.accept(seg);
        }
        tcp.finish(frame);

        List<Slice> sent = new ArrayList<>(flights.get(0));
        sent.addAll(flights.get(1));
        List<ParsedMessage> parsed = records.stream().flatMap(r -> r.messages().stream()).toList();
        assertThat(parsed).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            assertThat(parsed.get(i).raw().bytes().contentEquals(sent.get(i))).as("message %d", i).isTrue();
        }
        assertThat(findings).isEmpty();
    }

    /** Cuts the stream into segments, adds retransmissions and overlaps, reorders within a window of four. */
    private List<TcpSegment> scramble(Endpoint src, Endpoint dst, long seq, long ack, Slice wire, Random rnd) {
        List<TcpSegment> segments = new ArrayList<>();
        for (int at = 0; at < wire.length(); ) {
            int n = Math.min(wire.length() - at, 1 + rnd.nextInt(rnd.nextBoolean() ? 16 : 3000));
            segments.add(segment(src, dst, seq + at, ack, TcpSegment.ACK | TcpSegment.PSH, wire.slice(at, n)));
            if (rnd.nextInt(5) == 0) {
                // A retransmission that also covers part of the next segment's bytes.
                int extra = Math.min(wire.length() - at - n, rnd.nextInt(40));
                segments.add(segment(src, dst, seq + at, ack, TcpSegment.ACK, wire.slice(at, n + extra)));
            }
            at += n;
        }
        for (int i = 0; i + 1 < segments.size(); i += 1 + rnd.nextInt(3)) {
            int j = Math.min(segments.size() - 1, i + rnd.nextInt(4));
            Collections.swap(segments, i, j);
        }
        return segments;
    }

    private TcpSegment segment(Endpoint src, Endpoint dst, long seq, long ack, int flags, Slice payload) {
        Frame f = new Frame(++frame, frame * 1000, 0, payload, payload.length(), 0);
        return new TcpSegment(f, src, dst, seq & 0xffffffffL, ack & 0xffffffffL, flags, 65535, payload,
                payload.length(), List.of());
    }
}
