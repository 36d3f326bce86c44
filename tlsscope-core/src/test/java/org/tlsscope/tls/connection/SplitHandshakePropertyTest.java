package org.tlsscope.tls.connection;

import org.tlsscope.testing.TlsHarness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsscope.testing.TlsHarness.concat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tcp.Direction;
import org.tlsscope.tls.handshake.ParsedMessage;

/**
 * Random valid handshakes, serialized, cut at random record boundaries and again at random TCP segment
 * boundaries, parse back to exactly the messages that were sent.
 */
class SplitHandshakePropertyTest {

    @Property(tries = 200)
    void randomHandshakesSurviveAnyRecordAndSegmentSplit(@ForAll long seed) {
        Random rnd = new Random(seed);
        List<List<Slice>> flights = RandomHandshakes.flights(rnd);
        List<Slice> clientFlight = flights.get(0);
        List<Slice> serverFlight = flights.get(1);

        TlsHarness h = new TlsHarness();
        send(h, Direction.CLIENT_TO_SERVER, clientFlight, rnd);
        send(h, Direction.SERVER_TO_CLIENT, serverFlight, rnd);
        h.end();

        List<ParsedMessage> parsed = h.records.stream().flatMap(r -> r.messages().stream()).toList();
        List<Slice> sent = new ArrayList<>(clientFlight);
        sent.addAll(serverFlight);
        assertThat(parsed).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            assertThat(parsed.get(i).malformed()).as("message %d", i).isFalse();
            assertThat(parsed.get(i).raw().bytes().contentEquals(sent.get(i))).as("message %d bytes", i).isTrue();
        }
        assertThat(h.findings).isEmpty();
    }

    /** Concatenates the flight's messages, cuts them into records, cuts the records into segments. */
    private static void send(TlsHarness h, Direction d, List<Slice> messages, Random rnd) {
        Slice wire = RandomHandshakes.records(messages, rnd);
        for (int at = 0; at < wire.length(); ) {
            int n = Math.min(wire.length() - at, 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 4000));
            h.send(d, wire.slice(at, n));
            at += n;
        }
    }

}
