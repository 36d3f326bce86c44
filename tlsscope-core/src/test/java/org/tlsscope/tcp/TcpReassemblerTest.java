package org.tlsscope.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsscope.tcp.Direction.CLIENT_TO_SERVER;
import static org.tlsscope.tcp.Direction.SERVER_TO_CLIENT;
import static org.tlsscope.tcp.StreamHandler.EndReason.CAPTURE_END;
import static org.tlsscope.tcp.StreamHandler.EndReason.EVICTED;
import static org.tlsscope.tcp.StreamHandler.EndReason.FIN;
import static org.tlsscope.tcp.StreamHandler.EndReason.PORT_REUSED;
import static org.tlsscope.tcp.StreamHandler.EndReason.RST;
import static org.tlsscope.tcp.Wire.ACK;
import static org.tlsscope.tcp.Wire.CLIENT;
import static org.tlsscope.tcp.Wire.PSH_ACK;
import static org.tlsscope.tcp.Wire.SERVER;
import static org.tlsscope.tcp.Wire.ascii;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tlsscope.net.Endpoint;
import org.tlsscope.net.IpAddress;
import org.tlsscope.net.TcpSegment;

class TcpReassemblerTest {
    private static final int SYN = TcpSegment.SYN;
    private static final int FIN_ACK = TcpSegment.FIN | TcpSegment.ACK;
    private static final int RST_ACK = TcpSegment.RST | TcpSegment.ACK;
    private static final long C_ISN = 1_000;
    private static final long S_ISN = 5_000;

    private final Wire wire = new Wire();
    private final Recorder recorder = new Recorder();
    private TcpReassembler tcp = new TcpReassembler(recorder);

    private void handshake(long clientIsn, long serverIsn) {
        tcp.accept(wire.send(CLIENT, SERVER, clientIsn, 0, SYN));
        tcp.accept(wire.send(SERVER, CLIENT, serverIsn, clientIsn + 1, SYN | ACK));
        tcp.accept(wire.send(CLIENT, SERVER, clientIsn + 1, serverIsn + 1, ACK));
    }

    /** Client data at stream offset {@code offset}, acknowledging nothing of the server's yet. */
    private void client(long offset, String data) {
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 1 + offset, S_ISN + 1, PSH_ACK, ascii(data)));
    }

    private void server(long offset, String data) {
        tcp.accept(wire.send(SERVER, CLIENT, S_ISN + 1 + offset, C_ISN + 1, PSH_ACK, ascii(data)));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    @Test
    void deliversInOrderDataAtOnceAndEndsOnFinBothWays() {
        handshake(C_ISN, S_ISN);
        client(0, "GET / HTTP/1.1\r\n");
        Recorder.Connection c = recorder.only();
        assertThat(text(c.bytes(CLIENT_TO_SERVER))).isEqualTo("GET / HTTP/1.1\r\n");
        assertThat(c.events).singleElement().isInstanceOfSatisfying(Recorder.Data.class,
                d -> assertThat(d.frame()).isEqualTo(4));
        server(0, "HTTP/1.1 200 OK\r\n");
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 17, S_ISN + 18, FIN_ACK));
        assertThat(tcp.openConnections()).isEqualTo(1);
        tcp.accept(wire.send(SERVER, CLIENT, S_ISN + 18, C_ISN + 18, FIN_ACK));
        assertThat(c.endReason()).isEqualTo(FIN);
        assertThat(c.ends().getFirst().frame()).isEqualTo(7);
        assertThat(tcp.openConnections()).isZero();

        // The last ACK, and a retransmission whose ACK was lost, come after the end: they open nothing.
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 18, S_ISN + 19, ACK));
        server(0, "HTTP/1.1 200 OK\r\n");
        tcp.finish(wire.lastFrame());
        assertThat(recorder.connections).hasSize(1);
        assertThat(text(c.bytes(SERVER_TO_CLIENT))).isEqualTo("HTTP/1.1 200 OK\r\n");
        assertThat(c.connection.client()).isEqualTo(CLIENT);
        assertThat(c.connection.sawSyn()).isTrue();
        assertThat(c.connection.id()).isEqualTo(1);
    }

    @Test
    void holdsSegmentsAheadOfAHoleUntilItIsFilled() {
        handshake(C_ISN, S_ISN);
        client(5, "world");
        assertThat(recorder.only().bytes(CLIENT_TO_SERVER)).isEmpty();
        client(0, "hello");
        assertThat(text(recorder.only().bytes(CLIENT_TO_SERVER))).isEqualTo("helloworld");
        // The held bytes are attributed to the segment that completed them.
        assertThat(recorder.only().events).allSatisfy(e -> assertThat(((Recorder.Data) e).frame()).isEqualTo(5));
    }

    @Test
    void dropsRetransmissionsAndDeliversOnlyTheNewPartOfAnOverlap() {
        handshake(C_ISN, S_ISN);
        client(0, "hello");
        client(2, "llo wor");
        client(0, "hello");
        client(9, "ld");
        client(4, "o");
        assertThat(text(recorder.only().bytes(CLIENT_TO_SERVER))).isEqualTo("hello world");
        assertThat(recorder.only().events).hasSize(3);
    }

    @Test
    void trimsHeldSegmentsAgainstEachOther() {
        handshake(C_ISN, S_ISN);
        client(4, "quick");
        client(6, "ickbr");
        client(2, "e quic");
        client(0, "th");
        assertThat(text(recorder.only().bytes(CLIENT_TO_SERVER))).isEqualTo("the quickbr");
    }

    @Test
    void followsSequenceNumbersAcrossTheWrapAt2To32() {
        long isn = 0xffff_fff8L; // data starts at 0xfffffff9: 7 bytes before the wrap, the rest after
        handshake(isn, S_ISN);
        tcp.accept(wire.send(CLIENT, SERVER, isn + 11, S_ISN + 1, PSH_ACK, ascii("sequence")));
        tcp.accept(wire.send(CLIENT, SERVER, isn + 19, S_ISN + 1, PSH_ACK, ascii(" space")));
        tcp.accept(wire.send(CLIENT, SERVER, isn + 1, S_ISN + 1, PSH_ACK, ascii("wrapping t")));
        assertThat(text(recorder.only().bytes(CLIENT_TO_SERVER))).isEqualTo("wrapping tsequence space");
        assertThat(recorder.only().gaps(CLIENT_TO_SERVER)).isEmpty();
    }

    @Test
    void picksUpAConnectionMidStreamAndGuessesTheClientByItsHigherPort() {
        server(100, "late");
        server(50, "too early: before the first segment seen");
        server(104, " reply");
        client(7, "request");
        tcp.finish(wire.lastFrame());
        Recorder.Connection c = recorder.only();
        assertThat(c.connection.client()).isEqualTo(CLIENT);
        assertThat(c.connection.sawSyn()).isFalse();
        assertThat(text(c.bytes(SERVER_TO_CLIENT))).isEqualTo("late reply");
        assertThat(text(c.bytes(CLIENT_TO_SERVER))).isEqualTo("request");
        assertThat(c.endReason()).isEqualTo(CAPTURE_END);
    }

    @Test
    void guessesTheFirstSenderAsClientWhenPortsAreEqual() {
        Endpoint a = new Endpoint(IpAddress.v4(0x0a000001), 500);
        Endpoint b = new Endpoint(IpAddress.v4(0x0a000002), 500);
        tcp.accept(wire.send(b, a, 1, 1, PSH_ACK, ascii("isakmp?")));
        assertThat(recorder.only().connection.client()).isEqualTo(b);
    }

    @Test
    void takesTheClientStreamStartFromTheSynAckWhenTheSynWasMissed() {
        tcp.accept(wire.send(SERVER, CLIENT, S_ISN, C_ISN + 1, SYN | ACK));
        client(0, "hi");
        client(2, " there");
        Recorder.Connection c = recorder.only();
        assertThat(c.connection.client()).isEqualTo(CLIENT);
        assertThat(c.connection.sawSyn()).isTrue();
        assertThat(text(c.bytes(CLIENT_TO_SERVER))).isEqualTo("hi there");
    }

    @Test
    void followsTheSynAckWhoseIsnTheClientAcknowledged() {
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN, 0, SYN));
        tcp.accept(wire.send(SERVER, CLIENT, 9_000, C_ISN + 1, SYN | ACK));
        tcp.accept(wire.send(SERVER, CLIENT, S_ISN, C_ISN + 1, SYN | ACK));
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 1, S_ISN + 1, ACK));
        server(0, "second");
        assertThat(text(recorder.only().bytes(SERVER_TO_CLIENT))).isEqualTo("second");
    }

    @Test
    void keepsTheFirstSynAckWhenTheClientAcknowledgedThatOne() {
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN, 0, SYN));
        tcp.accept(wire.send(SERVER, CLIENT, S_ISN, C_ISN + 1, SYN | ACK));
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 1, S_ISN + 1, ACK));
        tcp.accept(wire.send(SERVER, CLIENT, 9_000, C_ISN + 1, SYN | ACK));
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 1, S_ISN + 1, ACK));
        server(0, "first");
        assertThat(text(recorder.only().bytes(SERVER_TO_CLIENT))).isEqualTo("first");
    }

    @Test
    void aNewSynOnTheSamePortsEndsTheOldConnection() {
        handshake(C_ISN, S_ISN);
        client(0, "first");
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN, 0, SYN)); // retransmitted SYN: same connection
        assertThat(recorder.connections).hasSize(1);

        handshake(90_000, 70_000);
        client(0, "ignored: old sequence space");
        tcp.accept(wire.send(CLIENT, SERVER, 90_001, 70_001, PSH_ACK, ascii("second")));
        assertThat(recorder.connections).hasSize(2);
        Recorder.Connection first = recorder.connections.get(0);
        Recorder.Connection second = recorder.connections.get(1);
        assertThat(first.endReason()).isEqualTo(PORT_REUSED);
        assertThat(first.ends().getFirst().frame()).isEqualTo(6);
        assertThat(text(first.bytes(CLIENT_TO_SERVER))).isEqualTo("first");
        assertThat(second.connection.id()).isEqualTo(2);
        assertThat(text(second.bytes(CLIENT_TO_SERVER))).isEqualTo("second");
    }

    @Test
    void evenTheSameSynAfterAFinOpensANewConnection() {
        handshake(C_ISN, S_ISN);
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 1, S_ISN + 1, FIN_ACK));
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN, 0, SYN));
        assertThat(recorder.connections).hasSize(2);
        assertThat(recorder.connections.getFirst().endReason()).isEqualTo(PORT_REUSED);
    }

    @Test
    void aResetEndsTheConnectionOnceTheOtherSidesDataInFlightIsIn() {
        handshake(C_ISN, S_ISN);
        client(0, "abc");
        client(6, "ghi");
        tcp.accept(wire.send(SERVER, CLIENT, S_ISN + 1, C_ISN + 4, RST_ACK, ascii("reset text")));
        client(3, "def"); // sent before the client heard of the reset
        tcp.accept(wire.send(SERVER, CLIENT, S_ISN + 1, 0, TcpSegment.RST));
        client(9, "jkl");
        Recorder.Connection c = recorder.only();
        assertThat(c.ends()).isEmpty();
        assertThat(text(c.bytes(CLIENT_TO_SERVER))).isEqualTo("abcdefghijkl");

        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 13, S_ISN + 1, RST_ACK));
        assertThat(c.endReason()).isEqualTo(RST);
        assertThat(c.ends().getFirst().frame()).isEqualTo(6);
        assertThat(c.bytes(SERVER_TO_CLIENT)).isEmpty();
        assertThat(tcp.openConnections()).isZero();

        // Stragglers after the end open nothing; a new SYN does.
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 13, S_ISN + 1, ACK));
        client(12, "data in flight");
        assertThat(recorder.connections).hasSize(1);
        tcp.accept(wire.send(CLIENT, SERVER, 77_000, 0, SYN));
        assertThat(recorder.connections).hasSize(2);
    }

    @Test
    void aResetConnectionEndingOtherwiseStillEndsAsReset() {
        handshake(C_ISN, S_ISN);
        client(0, "abc");
        client(6, "ghi");
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 4, S_ISN + 1, TcpSegment.RST));
        tcp.accept(wire.send(CLIENT, SERVER, 90_000, 0, SYN)); // the ports taken over by a new connection
        assertThat(recorder.connections.getFirst().events).containsSubsequence(
                new Recorder.Gap(CLIENT_TO_SERVER, 3, 7), new Recorder.End(RST, 6));

        tcp.accept(wire.send(SERVER, CLIENT, 70_000, 90_001, SYN | ACK));
        tcp.accept(wire.send(CLIENT, SERVER, 90_001, 70_001, TcpSegment.RST));
        tcp.finish(wire.lastFrame());
        assertThat(recorder.connections.get(1).ends()).containsExactly(new Recorder.End(RST, 9));
    }

    @Test
    void aResetConnectionEndsWhenALiveSourceHasBeenQuietPastItsGrace() {
        handshake(C_ISN, S_ISN);
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 1, S_ISN + 1, RST_ACK));
        tcp.quiet(Duration.ofSeconds(9).toNanos());
        assertThat(recorder.only().ends()).isEmpty();

        tcp.quiet(Duration.ofSeconds(11).toNanos());
        assertThat(recorder.only().ends()).containsExactly(new Recorder.End(RST, wire.lastFrame()));
    }

    @Test
    void aLiveSourceQuietForLongerThanTheIdleTimeoutEndsItsIdleConnections() {
        tcp = new TcpReassembler(recorder, TcpLimits.DEFAULT.withIdleTimeout(Duration.ofSeconds(30)));
        tcp.quiet(Duration.ofHours(1).toNanos());
        handshake(C_ISN, S_ISN);
        client(0, "then silence");
        tcp.quiet(Duration.ofSeconds(29).toNanos());
        assertThat(recorder.only().ends()).isEmpty();

        tcp.quiet(Duration.ofSeconds(31).toNanos());
        assertThat(recorder.only().endReason()).isEqualTo(EVICTED);
    }

    @Test
    void theSameSynAfterAResetOpensANewConnection() {
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN, 0, SYN));
        tcp.accept(wire.send(SERVER, CLIENT, S_ISN, C_ISN + 99, ACK)); // a challenge ACK
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 99, 0, TcpSegment.RST));
        handshake(C_ISN, 70_000);
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 1, 70_001, PSH_ACK, ascii("again")));
        assertThat(recorder.connections).hasSize(2);
        assertThat(recorder.connections.get(0).endReason()).isEqualTo(RST);
        assertThat(text(recorder.connections.get(1).bytes(CLIENT_TO_SERVER))).isEqualTo("again");
    }

    @Test
    void takesNothingAfterAResetOnceASegmentsLifetimeHasPassed() {
        handshake(C_ISN, S_ISN);
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 1, S_ISN + 1, RST_ACK));
        wire.pause(Duration.ofMinutes(3));
        server(0, "straggler");
        assertThat(recorder.only().endReason()).isEqualTo(RST);
        assertThat(recorder.only().bytes(SERVER_TO_CLIENT)).isEmpty();
    }

    @Test
    void dataOnThePortsOfAClosedConnectionOpensANewOneAfterTimeWait() {
        handshake(C_ISN, S_ISN);
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 1, S_ISN + 1, ACK));
        tcp.accept(wire.send(SERVER, CLIENT, S_ISN + 1, C_ISN + 1, FIN_ACK));
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 1, S_ISN + 2, FIN_ACK));
        wire.pause(Duration.ofMinutes(3));
        server(0, "straggler");
        assertThat(recorder.connections).hasSize(1);
        wire.pause(Duration.ofMinutes(2)); // 2 MSL after the close
        server(0, "a connection whose SYN the capture missed");
        assertThat(recorder.connections).hasSize(2);
        assertThat(recorder.connections.get(1).connection.sawSyn()).isFalse();
    }

    @Test
    void declaresAHoleLostOnceTheReceiverHasAcknowledgedPastIt() {
        handshake(C_ISN, S_ISN);
        client(0, "abc");
        client(8, "ij"); // "defgh" was received but not captured
        tcp.accept(wire.send(SERVER, CLIENT, S_ISN + 1, C_ISN + 1 + 10, ACK));
        Recorder.Connection c = recorder.only();
        assertThat(c.gaps(CLIENT_TO_SERVER)).containsExactly(new Recorder.Gap(CLIENT_TO_SERVER, 5, 6));
        assertThat(text(c.bytes(CLIENT_TO_SERVER))).isEqualTo("abcij");
        // Nothing completed "ij": it keeps the client frame that carried it, not the server's ACK.
        assertThat(c.events.getLast()).isInstanceOfSatisfying(Recorder.Data.class,
                d -> assertThat(d.frame()).isEqualTo(5));

        // Bytes acknowledged past anything the client was seen to send wait for the data that shows
        // where they end: the acknowledgment alone might be a challenge ACK with any number in it.
        tcp.accept(wire.send(SERVER, CLIENT, S_ISN + 1, C_ISN + 1 + 14, ACK));
        assertThat(c.gaps(CLIENT_TO_SERVER)).hasSize(1);
        client(14, "op");
        tcp.accept(wire.send(SERVER, CLIENT, S_ISN + 1, C_ISN + 1 + 16, ACK));
        assertThat(c.gaps(CLIENT_TO_SERVER)).last().isEqualTo(new Recorder.Gap(CLIENT_TO_SERVER, 4, 9));
        assertThat(text(c.bytes(CLIENT_TO_SERVER))).isEqualTo("abcijop");
    }

    @Test
    void believesNoAcknowledgmentOfBytesNeverSeenSent() {
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN, 0, SYN));
        // A challenge ACK (RFC 5961 section 4) for an older connection on the same ports.
        tcp.accept(wire.send(SERVER, CLIENT, 77_777, C_ISN + 2_000_000_000L, ACK));
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 2_000_000_000L, 0, TcpSegment.RST));
        tcp.finish(wire.lastFrame());
        assertThat(recorder.only().gaps(CLIENT_TO_SERVER)).isEmpty();
        assertThat(recorder.only().endReason()).isEqualTo(RST);
    }

    @Test
    void declaresAHoleLostAfterItStayedOpenAcrossTooManySegments() {
        tcp = new TcpReassembler(recorder, TcpLimits.DEFAULT.withMaxHoleAgeSegments(3));
        handshake(C_ISN, S_ISN);
        client(2, "c");
        client(3, "d");
        client(4, "e");
        assertThat(recorder.only().gaps(CLIENT_TO_SERVER)).isEmpty();
        client(5, "f");
        assertThat(recorder.only().gaps(CLIENT_TO_SERVER)).containsExactly(new Recorder.Gap(CLIENT_TO_SERVER, 2, 7));
        assertThat(text(recorder.only().bytes(CLIENT_TO_SERVER))).isEqualTo("cdef");
        client(0, "ab"); // the retransmission came too late
        assertThat(text(recorder.only().bytes(CLIENT_TO_SERVER))).isEqualTo("cdef");
    }

    @Test
    void declaresTheOldestHoleLostWhenHeldBytesWouldExceedTheLimit() {
        // Held memory counts each piece's copied bytes and the frame it came in (here the frames hold
        // the payload alone, so twice the payload).
        tcp = new TcpReassembler(recorder, TcpLimits.DEFAULT.withMaxBufferedBytes(20));
        handshake(C_ISN, S_ISN);
        client(2, "cdef");
        client(8, "ijkl");
        client(14, "op");  // 2 x (4 + 4 + 2) = 20 held: at the limit, not past it
        assertThat(recorder.problems).isEmpty();
        client(17, "rs"); // needs room: [0,2) is declared lost, which frees enough
        Recorder.Connection c = recorder.only();
        assertThat(c.gaps(CLIENT_TO_SERVER)).containsExactly(new Recorder.Gap(CLIENT_TO_SERVER, 2, 7));
        assertThat(text(c.bytes(CLIENT_TO_SERVER))).isEqualTo("cdef");
        assertThat(recorder.problems).containsExactly(new Recorder.Problem(1, CLIENT_TO_SERVER, 7, "tcp.buffer_limit"));

        // Larger than the limit by itself: every hole before it goes, then it is delivered as it is.
        client(20, "this segment alone is over the limit");
        assertThat(text(c.bytes(CLIENT_TO_SERVER))).isEqualTo("cdefijkloprsthis segment alone is over the limit");
        assertThat(c.gaps(CLIENT_TO_SERVER)).extracting(Recorder.Gap::missing).containsExactly(2L, 2L, 2L, 1L, 1L);
        assertThat(recorder.problems).hasSize(1);
    }

    @Test
    void boundsTheNumberOfHeldPiecesEvenWhenTheSnaplenLeftThemEmpty() {
        tcp = new TcpReassembler(recorder, TcpLimits.DEFAULT.withMaxBufferedSegments(2));
        handshake(C_ISN, S_ISN);
        for (int offset = 100; offset < 400; offset += 100) {
            tcp.accept(wire.truncated(CLIENT, SERVER, C_ISN + 1 + offset, S_ISN + 1, PSH_ACK, new byte[0], 100));
        }
        // The third has no room: the hole before the first is lost, then the two held (empty) pieces, then
        // the third's own 100 bytes, which arrived in order.
        assertThat(recorder.only().gaps(CLIENT_TO_SERVER)).extracting(Recorder.Gap::missing)
                .containsExactly(100L, 100L, 100L, 100L);
        assertThat(recorder.problems).extracting(Recorder.Problem::code).containsExactly("tcp.buffer_limit");
    }

    @Test
    void deliversWhatTheSnaplenKeptAndReportsTheRestAsAGap() {
        handshake(C_ISN, S_ISN);
        tcp.accept(wire.truncated(CLIENT, SERVER, C_ISN + 11, S_ISN + 1, PSH_ACK, ascii("kl"), 5));
        tcp.accept(wire.truncated(CLIENT, SERVER, C_ISN + 1, S_ISN + 1, PSH_ACK, ascii("abcd"), 10));
        client(15, "pq");
        Recorder.Connection c = recorder.only();
        assertThat(text(c.bytes(CLIENT_TO_SERVER))).isEqualTo("abcdklpq");
        assertThat(c.gaps(CLIENT_TO_SERVER)).extracting(Recorder.Gap::missing).containsExactly(6L, 3L);
    }

    @Test
    void deliversDataCarriedOnTheSyn() {
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN, 0, SYN, ascii("fast open")));
        tcp.accept(wire.send(SERVER, CLIENT, S_ISN, C_ISN + 10, SYN | ACK));
        client(9, "!");
        assertThat(text(recorder.only().bytes(CLIENT_TO_SERVER))).isEqualTo("fast open!");
    }

    @Test
    void ignoresKeepAlivesAndDeliversAZeroWindowProbeOnlyOnce() {
        handshake(C_ISN, S_ISN);
        client(0, "abc");
        client(2, "\0"); // keep-alive: one byte already sent (RFC 9293 section 3.8.4)
        client(3, "d");  // zero-window probe: the next byte, sent again in full later
        client(3, "def");
        assertThat(text(recorder.only().bytes(CLIENT_TO_SERVER))).isEqualTo("abcdef");
        assertThat(recorder.only().gaps(CLIENT_TO_SERVER)).isEmpty();
    }

    @Test
    void endsAtCaptureEndDeclaringHolesBeforeHeldDataAndTheFin() {
        handshake(C_ISN, S_ISN);
        client(3, "def");
        tcp.accept(wire.send(SERVER, CLIENT, S_ISN + 1 + 4, C_ISN + 1, FIN_ACK));
        tcp.finish(42);
        Recorder.Connection c = recorder.only();
        assertThat(c.events).containsExactly(new Recorder.Gap(CLIENT_TO_SERVER, 3, 42), c.events.get(1),
                new Recorder.Gap(SERVER_TO_CLIENT, 4, 42), new Recorder.End(CAPTURE_END, 42));
        assertThat(text(c.bytes(CLIENT_TO_SERVER))).isEqualTo("def");
        assertThat(tcp.openConnections()).isZero();
    }

    @Test
    void evictsTheLeastRecentlyActiveConnectionWhenFull() {
        tcp = new TcpReassembler(recorder, TcpLimits.DEFAULT.withMaxConnections(2));
        Endpoint other = new Endpoint(CLIENT.address(), 51235);
        Endpoint third = new Endpoint(CLIENT.address(), 51236);
        tcp.accept(wire.send(CLIENT, SERVER, 1, 1, PSH_ACK, ascii("one")));
        tcp.accept(wire.send(other, SERVER, 1, 1, PSH_ACK, ascii("two")));
        tcp.accept(wire.send(other, SERVER, 8, 1, PSH_ACK, ascii("held")));
        tcp.accept(wire.send(SERVER, CLIENT, 1, 4, ACK)); // the first is active again
        tcp.accept(wire.send(third, SERVER, 1, 1, PSH_ACK, ascii("three")));
        Recorder.Connection second = recorder.connections.get(1);
        assertThat(second.endReason()).isEqualTo(EVICTED);
        assertThat(text(second.bytes(CLIENT_TO_SERVER))).isEqualTo("twoheld");
        assertThat(tcp.openConnections()).isEqualTo(2);
        tcp.finish(wire.lastFrame());
        assertThat(recorder.connections).extracting(Recorder.Connection::endReason)
                .containsExactly(CAPTURE_END, EVICTED, CAPTURE_END);
    }

    @Test
    void endsAConnectionSilentForLongerThanTheIdleTimeout() {
        tcp = new TcpReassembler(recorder, TcpLimits.DEFAULT.withIdleTimeout(Duration.ofSeconds(30)));
        Endpoint other = new Endpoint(CLIENT.address(), 51235);
        handshake(C_ISN, S_ISN);
        client(0, "before");
        wire.pause(Duration.ofSeconds(31));
        tcp.accept(wire.send(other, SERVER, 1, 1, PSH_ACK, ascii("meanwhile")));
        tcp.accept(wire.send(other, SERVER, 10, 1, PSH_ACK, ascii(", elsewhere")));
        assertThat(recorder.connections.get(0).endReason()).isEqualTo(EVICTED);
        client(6, "after");
        assertThat(recorder.connections).hasSize(3);
        assertThat(recorder.connections.get(2).connection.sawSyn()).isFalse();
        assertThat(text(recorder.connections.get(2).bytes(CLIENT_TO_SERVER))).isEqualTo("after");
    }

    @Test
    void oneFrameWithAWildTimestampEndsNothing() {
        tcp = new TcpReassembler(recorder, TcpLimits.DEFAULT.withIdleTimeout(Duration.ofSeconds(30)));
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN, 0, SYN));
        wire.pause(Duration.ofDays(17_000));
        tcp.accept(wire.send(SERVER, CLIENT, S_ISN, C_ISN + 1, SYN | ACK));
        wire.pause(Duration.ofDays(-17_000));
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 1, S_ISN + 1, ACK));
        client(0, "on time");
        assertThat(text(recorder.only().bytes(CLIENT_TO_SERVER))).isEqualTo("on time");
        assertThat(recorder.only().ends()).isEmpty();
    }

    @Test
    void directionsFollowRolesSwappedByALaterLayer() {
        server(0, "guessed");
        recorder.only().connection.swapRoles();
        server(7, " wrong");
        assertThat(text(recorder.only().bytes(SERVER_TO_CLIENT))).isEqualTo("guessed");
        assertThat(text(recorder.only().bytes(CLIENT_TO_SERVER))).isEqualTo(" wrong");
    }

    @Test
    void segmentsWithoutSynOrDataOpenNothing() {
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN, S_ISN, ACK));
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN, S_ISN, FIN_ACK));
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN, S_ISN, RST_ACK, ascii("data on a reset")));
        tcp.finish(wire.lastFrame());
        assertThat(recorder.connections).isEmpty();
    }

    @Test
    void aResetConnectionEndsOnceItsGraceForSegmentsInFlightIsOverNotAtCaptureEnd() {
        handshake(C_ISN, S_ISN);
        client(0, "hello");
        tcp.accept(wire.send(CLIENT, SERVER, C_ISN + 6, S_ISN + 1, RST_ACK));
        assertThat(tcp.openConnections()).isEqualTo(1);
        // Other traffic goes on: two frames past the grace, the reset connection is ended and forgotten.
        wire.pause(java.time.Duration.ofSeconds(11));
        Endpoint other = new Endpoint(CLIENT.address(), CLIENT.port() + 1);
        tcp.accept(wire.send(other, SERVER, 9_000, 0, SYN));
        tcp.accept(wire.send(other, SERVER, 9_000, 0, SYN));
        Recorder.Connection c = recorder.connections.getFirst();
        assertThat(c.endReason()).isEqualTo(RST);
        assertThat(c.ends().getFirst().frame()).isEqualTo(5);
        assertThat(tcp.openConnections()).isEqualTo(1);
    }
}
