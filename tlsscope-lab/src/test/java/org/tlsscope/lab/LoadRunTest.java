package org.tlsscope.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tlsscope.lab.app.Responder;
import org.tlsscope.lab.engine.NioLoop;
import org.tlsscope.lab.keylog.KeyLogSink;

/** The load client: every connection is accounted for, as completed or under its reason. */
@Timeout(120)
class LoadRunTest {
    private static final byte[] GET = "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void everyConnectionCompletesAgainstTheLabServer() throws IOException {
        LoadRun.Tally tally;
        try (NioLoop loop = new NioLoop(line -> { }, Duration.ofSeconds(30), Duration.ofSeconds(2))) {
            // Server and clients on the one loop thread.
            InetSocketAddress address = loop.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    new ServerEndpoint(TestPki.get(), TlsOptions.MODERN, KeyLogSink.none(), null, c -> new Responder()));
            tally = LoadRun.run(loop, address, 300, 100, GET, Duration.ofSeconds(10),
                    app -> new ClientEndpoint(TestPki.get(), TlsOptions.MODERN, KeyLogSink.none(), null, app, null));
            // The server's side of each connection ends too, on the clients' FINs.
            assertThat(loop.runUntil(() -> loop.connections() == 0, Duration.ofSeconds(10))).isTrue();
        }
        assertThat(tally.handshakes()).isEqualTo(300);
        assertThat(tally.completed()).isEqualTo(300);
        assertThat(tally.failures()).isEmpty();
        assertThat(tally.line()).startsWith("300 connections, 100 at a time: 300 handshakes in ").endsWith(", 300 completed, 0 failed");
    }

    @Test
    void failuresAreCountedByReason() throws IOException {
        int closedPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = free.getLocalPort();
        }
        LoadRun.Tally tally;
        try (NioLoop loop = new NioLoop(line -> { }, Duration.ofSeconds(5), Duration.ofSeconds(1))) {
            tally = LoadRun.run(loop, new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort), 20, 5, GET,
                    Duration.ofSeconds(1), app -> new ClientEndpoint(TestPki.get(), TlsOptions.MODERN, KeyLogSink.none(), null, app, null));
        }
        assertThat(tally.handshakes()).isZero();
        assertThat(tally.completed()).isZero();
        assertThat(tally.failures()).isEqualTo(Map.of("cannot connect: Connection refused", 20));
        assertThat(tally.line()).endsWith("0 completed, 20 failed: 20 cannot connect: Connection refused");
    }

    @Test
    void aServerThatNeverRepliesIsClosedAfterTheWaitAndCounted() throws Exception {
        // An echo server answers nothing to an empty request: the client closes after its wait.
        try (ServerThread server = new ServerThread(Duration.ofSeconds(30))) {
            LoadRun.Tally tally;
            try (NioLoop loop = new NioLoop(line -> { }, Duration.ofSeconds(30), Duration.ofSeconds(2))) {
                tally = LoadRun.run(loop, server.address, 10, 10, new byte[0], Duration.ofSeconds(1),
                        app -> new ClientEndpoint(TestPki.get(), TlsOptions.MODERN, KeyLogSink.none(), null, app, null));
            }
            assertThat(tally.handshakes()).isEqualTo(10);
            assertThat(tally.failures()).isEqualTo(Map.of("no reply", 10));
        }
    }
}
