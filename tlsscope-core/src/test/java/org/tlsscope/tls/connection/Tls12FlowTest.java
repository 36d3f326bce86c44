package org.tlsscope.tls.connection;

import org.tlsscope.testing.TlsHarness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsscope.testing.TlsHarness.concat;
import static org.tlsscope.testing.TlsHarness.filler;
import static org.tlsscope.testing.TlsHarness.record;

import org.junit.jupiter.api.Test;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tcp.Direction;

/**
 * The post's session, record by record, as its flights describe it (TLS 1.0, RSA key exchange,
 * TLS_RSA_WITH_AES_256_CBC_SHA, session ticket), with the hellos' bytes as the post prints them.
 */
class Tls12FlowTest {
    /** The post's ClientHello record ("TLSv1 protocol" dump of the first packet). */
    static final Slice POST_CLIENT_HELLO = Slice.ofHex("""
            16 03 01 00 5f 01 00 00 5b 03 01 54 9a ab 72 98 65 11 2f da 9e cf c9 db 6c bd 4b 4c 56 4b 0c a5
            68 2b aa 60 1f 38 66 e7 87 46 b2 00 00 2e 00 39 00 38 00 35 00 16 00 13 00 0a 00 33 00 32 00 2f
            00 9a 00 99 00 96 00 05 00 04 00 15 00 12 00 09 00 14 00 11 00 08 00 06 00 03 00 ff 01 00 00 04
            00 23 00 00""");
    /** The post's ServerHello record. */
    static final Slice POST_SERVER_HELLO = Slice.ofHex("""
            16 03 01 00 35 02 00 00 31 03 01 54 9a ab 72 85 91 a4 a7 a9 27 fe 3d e4 da f6 38 a5 aa 6e 5a 2f
            31 90 5b 41 b0 5d de d8 9d ae f6 00 00 35 00 00 09 ff 01 00 01 00 00 23 00 00""");

    static Slice handshake(int type, Slice body) {
        byte[] h = {(byte) type, (byte) (body.length() >> 16), (byte) (body.length() >> 8), (byte) body.length()};
        return concat(Slice.of(h), body);
    }

    static Slice certificateMessage(int derLength) {
        Slice der = filler(derLength, 9);
        int list = 3 + derLength;
        Slice body = concat(Slice.of(new byte[] {0, (byte) (list >> 8), (byte) list, 0, (byte) (derLength >> 8),
                (byte) derLength}), der);
        return handshake(11, body);
    }

    /** Flights 2 to 4 of the post, after its ClientHello. */
    static void rest(TlsHarness h) {
        // Flight 2: ServerHello, Certificate and ServerHelloDone in one TCP segment, three records.
        h.server(concat(POST_SERVER_HELLO, record(22, 0x0301, certificateMessage(474)),
                record(22, 0x0301, handshake(14, Slice.EMPTY))));
        // Flight 3: ClientKeyExchange (RSA, 128-byte encrypted premaster), ChangeCipherSpec, Finished.
        Slice cke = handshake(16, concat(Slice.ofHex("0080"), filler(128, 3)));
        h.client(concat(record(22, 0x0301, cke), record(20, 0x0301, Slice.ofHex("01")),
                record(22, 0x0301, filler(48, 4))));
        // Flight 4: NewSessionTicket (RFC 5077 form), ChangeCipherSpec, Finished.
        Slice ticket = handshake(4, concat(Slice.ofHex("00000000 00a0"), filler(160, 5)));
        h.server(concat(record(22, 0x0301, ticket), record(20, 0x0301, Slice.ofHex("01")),
                record(22, 0x0301, filler(48, 6))));
        h.client(record(23, 0x0301, filler(48, 7)));
        h.server(record(23, 0x0301, filler(96, 8)));
        h.client(record(21, 0x0301, filler(32, 9)));
    }

    @Test
    void thePostsSessionFlightByFlight() {
        TlsHarness h = new TlsHarness();
        h.client(POST_CLIENT_HELLO);
        rest(h);
        ConnectionReport r = h.end();

        assertThat(r.version()).isEqualTo(0x0301);
        assertThat(r.cipherSuite()).isEqualTo(0x0035);
        assertThat(r.sni()).isNull();
        assertThat(r.alpn()).isNull();
        assertThat(h.messageTypes()).containsExactly("client:client_hello", "server:server_hello",
                "server:certificate", "server:server_hello_done", "client:client_key_exchange",
                "client:change_cipher_spec", "server:new_session_ticket", "server:change_cipher_spec");
        assertThat(r.encryptedHandshakeRecords()).isEqualTo(2);
        assertThat(r.established()).isTrue();
        assertThat(r.resumed()).isFalse();
        assertThat(r.clientAppBytes()).isEqualTo(48);
        assertThat(r.serverAppBytes()).isEqualTo(96);
        assertThat(r.alerts()).singleElement().satisfies(a -> {
            assertThat(a.from()).isEqualTo("client");
            assertThat(a.level()).isNull();
            assertThat(a.description()).isNull();
        });
        assertThat(h.records).extracting(RecordEvent::flight).containsExactly(1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 0, 0, 0);
        assertThat(h.records).extracting(RecordEvent::label).containsExactly("client_hello", "server_hello",
                "certificate", "server_hello_done", "client_key_exchange", "change_cipher_spec",
                "encrypted handshake message (finished)", "new_session_ticket", "change_cipher_spec",
                "encrypted handshake message (finished)", "application data", "application data", "encrypted alert");
        assertThat(h.findings).isEmpty();
    }

    @Test
    void theClientHelloCarriesThePostsValues() {
        TlsHarness h = new TlsHarness();
        h.client(POST_CLIENT_HELLO);
        RecordEvent first = h.records.getFirst();
        assertThat(first.record().header().length()).isEqualTo(95);
        var ch = (org.tlsscope.tls.handshake.ClientHello) first.messages().getFirst().message();
        assertThat(ch.cipherSuites()).hasSize(23).startsWith(0x0039, 0x0038, 0x0035).endsWith(0x0003, 0x00ff);
        assertThat(ch.extensions()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(0x0023);
            assertThat(e.data().length()).isZero();
        });
    }

    @Test
    void aPlaintextFatalAlertIsNamedAndReported() {
        TlsHarness h = new TlsHarness();
        h.client(POST_CLIENT_HELLO);
        h.server(record(21, 0x0301, Slice.ofHex("0228")));
        ConnectionReport r = h.end();
        assertThat(r.alerts()).singleElement().satisfies(a -> {
            assertThat(a.from()).isEqualTo("server");
            assertThat(a.level()).isEqualTo(2);
            assertThat(a.description()).isEqualTo(40);
        });
        assertThat(r.established()).isFalse();
        assertThat(h.findings).extracting(f -> f.code()).containsExactly("tls.alert.fatal");
    }

    @Test
    void anAbbreviatedHandshakeIsReportedAsResumed() {
        Slice sid = filler(32, 1);
        Slice chBody = concat(Slice.ofHex("0303"), filler(32, 2), Slice.ofHex("20"), sid, Slice.ofHex("0002c02f 0100"));
        Slice shBody = concat(Slice.ofHex("0303"), filler(32, 3), Slice.ofHex("20"), sid, Slice.ofHex("c02f 00"));
        TlsHarness h = new TlsHarness();
        h.client(record(22, 0x0301, handshake(1, chBody)));
        h.server(concat(record(22, 0x0303, handshake(2, shBody)), record(20, 0x0303, Slice.ofHex("01")),
                record(22, 0x0303, filler(40, 4))));
        h.client(concat(record(20, 0x0303, Slice.ofHex("01")), record(22, 0x0303, filler(40, 5))));
        ConnectionReport r = h.end();
        assertThat(r.resumed()).isTrue();
        assertThat(r.established()).isTrue();
        assertThat(r.version()).isEqualTo(0x0303);
    }

    @Test
    void aMessageSpanningThreeRecordsIsReassembled() {
        Slice cert = certificateMessage(3000);
        TlsHarness h = new TlsHarness();
        h.client(POST_CLIENT_HELLO);
        h.server(POST_SERVER_HELLO);
        h.server(concat(record(22, 0x0301, cert.slice(0, 1000)), record(22, 0x0301, cert.slice(1000, 1000))));
        h.server(record(22, 0x0301, cert.from(2000)));
        RecordEvent last = h.records.getLast();
        assertThat(last.messages()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("certificate");
            assertThat(m.raw().recordsSpanned()).isEqualTo(3);
            assertThat(m.raw().recordOffset()).isEqualTo(-1);
        });
        assertThat(h.records.get(2).label()).isEqualTo("handshake fragment");
    }

    @Test
    void garbageBetweenRecordsIsAFindingAndTheNextRecordIsFound() {
        TlsHarness h = new TlsHarness();
        h.client(POST_CLIENT_HELLO);
        h.server(concat(POST_SERVER_HELLO, Slice.ofHex("de ad be ef 00 11 22 33 44"),
                record(22, 0x0301, handshake(14, Slice.EMPTY)), record(22, 0x0301, handshake(14, Slice.EMPTY))));
        h.end();
        assertThat(h.findings).extracting(f -> f.code()).contains("tls.record.malformed", "tls.resync");
        assertThat(h.messageTypes()).containsExactly("client:client_hello", "server:server_hello",
                "server:server_hello_done", "server:server_hello_done");
    }

    @Test
    void aGapResynchronizesAtTheNextRecord() {
        TlsHarness h = new TlsHarness();
        h.client(POST_CLIENT_HELLO);
        h.server(POST_SERVER_HELLO.slice(0, 20));
        h.gap(Direction.SERVER_TO_CLIENT, POST_SERVER_HELLO.length() - 20);
        h.server(concat(record(22, 0x0301, certificateMessage(100)), record(22, 0x0301, handshake(14, Slice.EMPTY))));
        h.end();
        assertThat(h.findings).extracting(f -> f.code()).contains("tcp.gap");
        assertThat(h.messageTypes()).containsExactly("client:client_hello", "server:certificate",
                "server:server_hello_done");
    }

    @Test
    void nonTlsTrafficIsSkippedQuietly() {
        TlsHarness h = new TlsHarness();
        h.client(Slice.of("GET / HTTP/1.1\r\nHost: example\r\n\r\n".getBytes()));
        h.server(Slice.of("HTTP/1.1 200 OK\r\n\r\n".getBytes()));
        assertThat(h.end()).isNull();
        assertThat(h.records).isEmpty();
        assertThat(h.findings).isEmpty();
        assertThat(h.isTls()).isFalse();
    }

    @Test
    void startTlsIsFoundAfterThePlaintextExchange() {
        TlsHarness h = new TlsHarness();
        h.client(Slice.of("EHLO x\r\nSTARTTLS\r\n".getBytes()));
        h.server(Slice.of("220 go ahead\r\n".getBytes()));
        h.client(POST_CLIENT_HELLO);
        h.server(POST_SERVER_HELLO);
        h.end();
        assertThat(h.messageTypes()).containsExactly("client:client_hello", "server:server_hello");
    }

    @Test
    void aClientHelloFromTheGuessedServerSideSwapsTheRoles() {
        TlsHarness h = new TlsHarness(false, false);
        h.server(POST_CLIENT_HELLO);
        // The reassembler asks the connection for the roles at each delivery: after the swap, bytes from
        // the endpoint first taken for the client arrive as the server's.
        h.server(POST_SERVER_HELLO);
        ConnectionReport r = h.end();
        assertThat(h.messageTypes()).containsExactly("client:client_hello", "server:server_hello");
        assertThat(r.connection().client()).isEqualTo(TlsHarness.SERVER);
        assertThat(r.connection().server()).isEqualTo(TlsHarness.CLIENT);
    }

    @Test
    void aConnectionCaughtMidStreamIsReadFromItsFirstRecordBoundary() {
        TlsHarness h = new TlsHarness(false, false);
        Slice appData = concat(record(23, 0x0303, filler(40, 1)), record(23, 0x0303, filler(50, 2)));
        h.client(concat(filler(17, 3), appData));
        h.server(record(23, 0x0303, filler(60, 4)));
        ConnectionReport r = h.end();
        assertThat(r).isNotNull();
        assertThat(r.clientAppBytes()).isEqualTo(90);
        assertThat(r.serverAppBytes()).isEqualTo(60);
        assertThat(r.established()).isFalse();
    }
}
