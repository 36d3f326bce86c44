package org.tlsscope.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.tls.TlsClientProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tlsscope.lab.app.Exchange;
import org.tlsscope.lab.engine.NioLoop;
import org.tlsscope.lab.keylog.KeyLogSink;
import org.tlsscope.lab.keylog.SecretTap;
import org.tlsscope.lab.peer.LabClient;
import org.tlsscope.lab.peer.PeerEvents;
import org.tlsscope.testing.FaultyServer;

/**
 * Faulty peers against the lab server, and faulty servers against the lab client, on loopback: each
 * fault ends its own connection with one reason in plain words, and the server's other connections go on.
 * The faulty peers are plain sockets, so they can do what a TLS stack never would: stop mid-message,
 * reset, stay silent, stop reading, or speak something else.
 */
@Timeout(60)
class FaultsTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] GET = "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** Long enough that nothing in progress times out while a test looks at it. */
    private static final Duration PATIENT = Duration.ofSeconds(30);
    private static final Duration QUICK = Duration.ofSeconds(1);

    @Test
    void aGoodClientCompletesWhileFaultyPeersAreInProgress() throws Exception {
        try (ServerThread server = new ServerThread(PATIENT)) {
            Socket silent = server.raw();
            Socket partial = server.raw();
            partial.getOutputStream().write(Arrays.copyOf(clientHello(), 40));
            Socket stalled = server.raw();
            AtomicLong pushed = stopReading(stalled);
            Socket resets = server.raw();
            resets.getOutputStream().write(Arrays.copyOf(clientHello(), 40));
            reset(resets);
            Socket http = server.raw();
            http.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            while (pushed.get() < 4 * 1024 * 1024) {
                // Well past the server's high-water mark: it has stopped reading from this client.
                Thread.sleep(10);
            }

            Exchange good = new Exchange(GET, -1);
            try (NioLoop client = new NioLoop(line -> { }, PATIENT, QUICK)) {
                client.connect(server.address, new ClientEndpoint(TestPki.get(), TlsOptions.MODERN, KeyLogSink.none(), null, good, null));
                assertThat(client.runUntil(good::done, PATIENT)).isTrue();
            }
            assertThat(good.failure()).isNull();
            assertThat(new String(good.received(), StandardCharsets.US_ASCII)).startsWith("HTTP/1.0 200 ok");

            assertThat(server.awaitEnd(resets)).isEqualTo("client reset the connection during the handshake");
            assertThat(server.awaitEnd(http)).isEqualTo("not TLS: the first bytes are 'GET / HTTP/1.1\\r\\n'");
            assertThat(server.ended(silent)).isFalse();
            assertThat(server.ended(partial)).isFalse();
            assertThat(server.ended(stalled)).isFalse();

            silent.close();
            partial.close();
            reset(stalled);
            assertThat(server.awaitEnd(silent)).isEqualTo("client closed the TCP connection during the handshake");
            assertThat(server.awaitEnd(partial)).isEqualTo("client closed the TCP connection during the handshake");
            assertThat(server.awaitEnd(stalled)).isEqualTo("client reset the connection");
            server.assertOneEndEachAndNoTrace();
        }
    }

    @Test
    void waitsOnTheClientAreBoundedByTheTimeout() throws Exception {
        try (ServerThread server = new ServerThread(QUICK)) {
            Socket silent = server.raw();
            Socket partial = server.raw();
            partial.getOutputStream().write(Arrays.copyOf(clientHello(), 40));
            Socket fewBytes = server.raw();
            fewBytes.getOutputStream().write("GET".getBytes(StandardCharsets.US_ASCII));
            Socket stalled = server.raw();
            stopReading(stalled);

            assertThat(server.awaitEnd(silent)).isEqualTo("no ClientHello within 1 s");
            assertThat(server.awaitEnd(partial)).isEqualTo("handshake not complete after 1 s");
            assertThat(server.awaitEnd(fewBytes)).isEqualTo("not TLS: the first bytes are 'GET'");
            assertThat(server.awaitEnd(stalled)).matches("client stopped reading: \\d+ bytes unsent for 1 s");
            for (Socket s : List.of(silent, partial, fewBytes)) {
                assertClosedByServer(s);
            }
            server.assertOneEndEachAndNoTrace();
        }
    }

    @Test
    void resetsDuringTheHandshake() throws Exception {
        try (ServerThread server = new ServerThread(PATIENT)) {
            Socket midHello = server.raw();
            midHello.getOutputStream().write(Arrays.copyOf(clientHello(), 60));
            reset(midHello);
            Socket afterServerHello = server.raw();
            afterServerHello.getOutputStream().write(clientHello());
            assertThat(afterServerHello.getInputStream().readNBytes(5)).hasSize(5);
            reset(afterServerHello);

            assertThat(server.awaitEnd(midHello)).isEqualTo("client reset the connection during the handshake");
            assertThat(server.awaitEnd(afterServerHello)).isEqualTo("client reset the connection during the handshake");
            server.assertOneEndEachAndNoTrace();
        }
    }

    @Test
    void somethingElseThanTls() throws Exception {
        byte[] random = new byte[200];
        new Random(7).nextBytes(random);
        random[0] = 0x47; // not a TLS content type, whatever the seed
        byte[] tlsLooking = new byte[200];
        new Random(8).nextBytes(tlsLooking);
        System.arraycopy(new byte[] {22, 3, 1, 0, (byte) 195}, 0, tlsLooking, 0, 5);
        try (ServerThread server = new ServerThread(PATIENT)) {
            Socket http = server.raw();
            http.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            Socket noise = server.raw();
            noise.getOutputStream().write(random);
            Socket badHello = server.raw();
            badHello.getOutputStream().write(tlsLooking);

            assertThat(server.awaitEnd(http)).isEqualTo("not TLS: the first bytes are 'GET / HTTP/1.1\\r\\n'");
            assertThat(server.awaitEnd(noise)).isEqualTo("not TLS: the first bytes are "
                    + HexFormat.ofDelimiter(" ").formatHex(random, 0, 16));
            // BC writes nothing before it has read a ClientHello's version, not even the alert it raises.
            assertThat(server.awaitEnd(badHello)).startsWith("handshake failed: ").endsWith("; the alert was not sent");
            for (Socket s : List.of(http, noise, badHello)) {
                assertClosedByServer(s);
            }
            server.assertOneEndEachAndNoTrace();
        }
    }

    @Test
    void theClientSideNamesWhatTheServerDid() throws Exception {
        assertThat(clientAgainst(s -> {
            s.getInputStream().readNBytes(5);
            reset(s);
        })).isEqualTo("server reset the connection during the handshake");
        assertThat(clientAgainst(s -> s.getInputStream().readNBytes(5))).isEqualTo("no ServerHello within 1 s");
        assertThat(clientAgainst(s -> {
            s.getInputStream().readNBytes(5);
            s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        })).isEqualTo("not TLS: the first bytes are 'HTTP/1.1 400 Bad'");
        assertThat(clientAgainst(s -> {
            // The whole ClientHello: closing with bytes unread would make the kernel send a reset, not a FIN.
            byte[] header = s.getInputStream().readNBytes(5);
            s.getInputStream().readNBytes(((header[3] & 0xff) << 8) | (header[4] & 0xff));
            s.close();
        })).isEqualTo("server closed the TCP connection during the handshake");

        int closedPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = free.getLocalPort();
        }
        assertThat(exchangeWith(new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort)))
                .isEqualTo("cannot connect: Connection refused");
    }

    /** The lab client's reason for the end of one exchange with a server that does {@code fault}. */
    private static String clientAgainst(FaultyServer.Fault fault) throws Exception {
        return FaultyServer.against(fault, FaultsTest::exchangeWith);
    }

    private static String exchangeWith(InetSocketAddress address) throws IOException {
        Exchange exchange = new Exchange(GET, -1);
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (NioLoop loop = new NioLoop(log::add, QUICK, QUICK)) {
            loop.connect(address, new ClientEndpoint(TestPki.get(), TlsOptions.MODERN, KeyLogSink.none(), null, exchange, null));
            assertThat(loop.runUntil(exchange::done, PATIENT)).isTrue();
        }
        assertThat(log).noneMatch(l -> l.contains("Exception") || l.contains("\tat "));
        return exchange.failure();
    }

    /** A ClientHello as the lab client sends it. */
    private static byte[] clientHello() throws IOException {
        TlsClientProtocol p = new TlsClientProtocol();
        p.connect(new LabClient(new SecretTap(RANDOM, KeyLogSink.none(), line -> { }), TlsOptions.MODERN, TestPki.get(), PeerEvents.NONE, null));
        byte[] hello = new byte[p.getAvailableOutputBytes()];
        p.readOutput(hello, 0, hello.length);
        return hello;
    }

    /**
     * Completes a handshake on {@code s} (BC in blocking mode), then writes data for the server to echo
     * and never reads; returns the count of bytes written so far, which stops growing once the server
     * stops reading and the socket buffers are full.
     */
    private static AtomicLong stopReading(Socket s) throws IOException {
        TlsClientProtocol p = new TlsClientProtocol(s.getInputStream(), s.getOutputStream());
        p.connect(new LabClient(new SecretTap(RANDOM, KeyLogSink.none(), line -> { }), TlsOptions.MODERN, TestPki.get(), PeerEvents.NONE, null));
        AtomicLong pushed = new AtomicLong();
        byte[] chunk = new byte[16 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        Thread.ofPlatform().daemon().start(() -> {
            try {
                OutputStream out = p.getOutputStream();
                while (true) {
                    out.write(chunk);
                    pushed.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                // The server ended the connection.
            }
        });
        return pushed;
    }

    private static void reset(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }

    /** The server closed its side: whatever it sent last (a fatal alert) is followed by the end of the stream. */
    private static void assertClosedByServer(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        try {
            in.readAllBytes();
        } catch (IOException e) {
            // A reset is an end too: the server closed while our bytes were unread.
        }
        s.close();
    }
}
