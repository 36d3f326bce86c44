package org.tlsscope.tls.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsscope.tls.connection.TlsHarness.concat;

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
        List<Slice> clientFlight = List.of(clientHello(rnd));
        List<Slice> serverFlight = new ArrayList<>();
        serverFlight.add(serverHello(rnd));
        serverFlight.add(certificate(rnd));
        for (int i = rnd.nextInt(3); i > 0; i--) {
            serverFlight.add(message(200 + rnd.nextInt(20), bytes(rnd, rnd.nextInt(3000))));
        }
        serverFlight.add(message(14, Slice.EMPTY));

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
        Slice stream = concat(messages.toArray(Slice[]::new));
        List<Slice> records = new ArrayList<>();
        for (int at = 0; at < stream.length(); ) {
            int n = Math.min(stream.length() - at, 1 + rnd.nextInt(rnd.nextBoolean() ? 64 : 16384));
            records.add(TlsHarness.record(22, 0x0303, stream.slice(at, n)));
            at += n;
        }
        Slice wire = concat(records.toArray(Slice[]::new));
        for (int at = 0; at < wire.length(); ) {
            int n = Math.min(wire.length() - at, 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 4000));
            h.send(d, wire.slice(at, n));
            at += n;
        }
    }

    private static Slice clientHello(Random rnd) {
        int suites = 1 + rnd.nextInt(60);
        Slice suiteList = bytes(rnd, suites * 2);
        Slice sid = bytes(rnd, rnd.nextBoolean() ? 0 : 32);
        // Extensions of unassigned private-use types: their bodies stay opaque, whatever the bytes.
        List<Slice> exts = new ArrayList<>();
        for (int i = rnd.nextInt(6); i > 0; i--) {
            Slice data = bytes(rnd, rnd.nextInt(300));
            exts.add(concat(u16(0xff00 - i), u16(data.length()), data));
        }
        Slice extBlock = concat(exts.toArray(Slice[]::new));
        return message(1, concat(u16(0x0303), bytes(rnd, 32), u8(sid.length()), sid, u16(suiteList.length()),
                suiteList, Slice.ofHex("0100"), u16(extBlock.length()), extBlock));
    }

    private static Slice serverHello(Random rnd) {
        return message(2, concat(u16(0x0303), bytes(rnd, 32), u8(0), Slice.ofHex("c02f00")));
    }

    private static Slice certificate(Random rnd) {
        List<Slice> entries = new ArrayList<>();
        for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
            Slice der = bytes(rnd, 1 + rnd.nextInt(6000));
            entries.add(concat(u24(der.length()), der));
        }
        Slice list = concat(entries.toArray(Slice[]::new));
        return message(11, concat(u24(list.length()), list));
    }

    private static Slice message(int type, Slice body) {
        return concat(u8(type), u24(body.length()), body);
    }

    private static Slice bytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return Slice.of(b);
    }

    private static Slice u8(int v) {
        return Slice.of(new byte[] {(byte) v});
    }

    private static Slice u16(int v) {
        return Slice.of(new byte[] {(byte) (v >> 8), (byte) v});
    }

    private static Slice u24(int v) {
        return Slice.of(new byte[] {(byte) (v >> 16), (byte) (v >> 8), (byte) v});
    }
}
