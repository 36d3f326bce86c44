package org.tlsscope.tls.connection;

import org.tlsscope.testing.TlsHarness;
import static org.tlsscope.testing.TlsHarness.concat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tlsscope.bytes.Slice;

/** Random but valid handshake messages and their record framing, for the property tests. */
final class RandomHandshakes {
    private RandomHandshakes() {
    }

    /** Random flights: the client's ClientHello, the server's hello, certificate, others, hello done. */
    static List<List<Slice>> flights(Random rnd) {
        List<Slice> serverFlight = new ArrayList<>();
        serverFlight.add(serverHello(rnd));
        serverFlight.add(certificate(rnd));
        for (int i = rnd.nextInt(3); i > 0; i--) {
            serverFlight.add(message(200 + rnd.nextInt(20), bytes(rnd, rnd.nextInt(3000))));
        }
        serverFlight.add(message(14, Slice.EMPTY));
        return List.of(List.of(clientHello(rnd)), serverFlight);
    }

    /** The messages concatenated and cut into handshake records of random sizes (tiny and full). */
    static Slice records(List<Slice> messages, Random rnd) {
        Slice stream = concat(messages.toArray(Slice[]::new));
        List<Slice> records = new ArrayList<>();
        for (int at = 0; at < stream.length(); ) {
            int n = Math.min(stream.length() - at, 1 + rnd.nextInt(rnd.nextBoolean() ? 64 : 16384));
            records.add(TlsHarness.record(22, 0x0303, stream.slice(at, n)));
            at += n;
        }
        return concat(records.toArray(Slice[]::new));
    }

    static Slice clientHello(Random rnd) {
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

    static Slice serverHello(Random rnd) {
        return message(2, concat(u16(0x0303), bytes(rnd, 32), u8(0), Slice.ofHex("c02f00")));
    }

    static Slice certificate(Random rnd) {
        List<Slice> entries = new ArrayList<>();
        for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
            Slice der = bytes(rnd, 1 + rnd.nextInt(6000));
            entries.add(concat(u24(der.length()), der));
        }
        Slice list = concat(entries.toArray(Slice[]::new));
        return message(11, concat(u24(list.length()), list));
    }

    static Slice message(int type, Slice body) {
        return concat(u8(type), u24(body.length()), body);
    }

    static Slice bytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return Slice.of(b);
    }

    static Slice u8(int v) {
        return Slice.of(new byte[] {(byte) v});
    }

    static Slice u16(int v) {
        return Slice.of(new byte[] {(byte) (v >> 8), (byte) v});
    }

    static Slice u24(int v) {
        return Slice.of(new byte[] {(byte) (v >> 16), (byte) (v >> 8), (byte) v});
    }
}
