package org.tlsscope.lab.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tlsscope.capture.Frame;
import org.tlsscope.lab.engine.Recorder;
import org.tlsscope.lab.live.LiveFeed;
import org.tlsscope.lab.record.TcpSynthesizer;
import org.tlsscope.net.PacketDecoder;
import org.tlsscope.net.TcpSegment;

/** The relay between real sockets on loopback: many connections at once, slow readers, half-close, failures. */
@Timeout(90)
class RelayTest {
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    /** A payload of {@code size} bytes that no other seed gives. */
    private static byte[] payload(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Client {@code id}'s payload: a few hundred KiB, its length its own too. */
    private static byte[] body(long id) {
        return payload(id, 150_000 + (int) id * 5_000);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code data} then FIN on another thread while this one reads to EOF: the bytes that came back. */
    private byte[] exchange(Socket s, byte[] data) throws Exception {
        CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
            try {
                s.getOutputStream().write(data);
                s.shutdownOutput();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, threads);
        byte[] received = s.getInputStream().readAllBytes();
        sent.get(30, TimeUnit.SECONDS);
        return received;
    }

    private static ServerSocket server() throws IOException {
        return new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    }

    /** Serves each connection on a virtual thread until the server socket closes. */
    private void serve(ServerSocket server, ConnectionHandler handler) {
        threads.submit(() -> {
            while (!server.isClosed()) {
                Socket s;
                try {
                    s = server.accept();
                } catch (IOException e) {
                    return;
                }
                threads.submit(() -> {
                    try (s) {
                        handler.handle(s);
                    }
                    return null;
                });
            }
        });
    }

    private interface ConnectionHandler {
        void handle(Socket s) throws Exception;
    }

    @Test
    void fiftyConnectionsAtOnceCarryTheirOwnPayloadsBothWaysUnaltered() throws Exception {
        int connections = 50;
        // The upstream reads each client's payload (an 8-byte id first) to its FIN while it sends its own.
        Map<Long, String> upstreamReceived = new ConcurrentHashMap<>();
        Map<Long, String> upstreamSent = new ConcurrentHashMap<>();
        try (ServerSocket upstream = server(); RunningRelay proxy = new RunningRelay(upstream.getLocalPort())) {
            serve(upstream, s -> {
                long id = new java.io.DataInputStream(s.getInputStream()).readLong();
                byte[] reply = payload(-id, 200_000 + (int) id * 4_000);
                upstreamSent.put(id, sha256(reply));
                upstreamReceived.put(id, sha256(exchange(s, reply)));
            });
            CountDownLatch start = new CountDownLatch(1);
            Map<Long, CompletableFuture<byte[]>> received = new java.util.TreeMap<>();
            for (long id = 1; id <= connections; id++) {
                long i = id;
                received.put(id, CompletableFuture.supplyAsync(() -> {
                    try (Socket s = proxy.connect()) {
                        start.await();
                        return exchange(s, java.nio.ByteBuffer.allocate(8 + body(i).length).putLong(i).put(body(i)).array());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, threads));
            }
            start.countDown();
            for (var c : received.entrySet()) {
                long id = c.getKey();
                String got = sha256(c.getValue().get(60, TimeUnit.SECONDS));
                proxy.awaitEnded(connections);
                assertThat(upstreamReceived.get(id)).as("upstream got client %d's bytes", id).isEqualTo(sha256(body(id)));
                assertThat(got).as("client %d got the upstream's bytes", id).isEqualTo(upstreamSent.get(id));
            }
            proxy.awaitEnded(connections);
            assertThat(proxy.log).filteredOn(l -> l.contains(" closed: ")).hasSize(connections)
                    .allMatch(l -> l.matches("127\\.0\\.0\\.1:\\d+ closed: \\d+ bytes up, \\d+ down"));
        }
    }

    @Test
    void aSlowReaderThrottlesTheWriterAndTheProxyHoldsAtMostOneBufferOfIt() throws Exception {
        int total = 64 << 20;
        byte[] data = payload(7, total);
        CountDownLatch readerAwake = new CountDownLatch(1);
        CompletableFuture<String> readByUpstream = new CompletableFuture<>();
        Relay.Limits limits = Relay.Limits.DEFAULT;
        RunningRelay proxy;
        AtomicLong written = new AtomicLong();
        CompletableFuture<Void> writer;
        try (ServerSocket upstream = server()) {
            upstream.setReceiveBufferSize(64 * 1024);
            proxy = new RunningRelay(upstream.getLocalPort(), limits, null);
            try (proxy) {
                serve(upstream, s -> {
                    readerAwake.await();
                    readByUpstream.complete(sha256(s.getInputStream().readAllBytes()));
                });
                Socket client = proxy.connect();
                client.setSendBufferSize(64 * 1024);
                writer = CompletableFuture.runAsync(() -> {
                    try (OutputStream out = client.getOutputStream()) {
                        for (int at = 0; at < total; at += 16 * 1024) {
                            out.write(data, at, 16 * 1024);
                            written.addAndGet(16 * 1024);
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, threads);
                // While the upstream reads nothing, the writer stops: every buffer on the way is full.
                long last = -1;
                for (int stable = 0, i = 0; stable < 5 && i < 400; i++) {
                    Thread.sleep(100);
                    long now = written.get();
                    stable = now == last ? stable + 1 : 0;
                    last = now;
                }
                assertThat(writer).isNotDone();
                assertThat(written.get()).isLessThan(total);

                readerAwake.countDown();
                writer.get(60, TimeUnit.SECONDS);
                assertThat(readByUpstream.get(60, TimeUnit.SECONDS)).isEqualTo(sha256(data));
                client.close();
            }
        }
        assertThat(proxy.relay.peakHeldBytes()).isPositive().isLessThanOrEqualTo(limits.bufferBytes());
    }

    @Test
    void aFinPassesAsAHalfCloseAndTheOtherDirectionGoesOn() throws Exception {
        try (ServerSocket upstream = server(); RunningRelay proxy = new RunningRelay(upstream.getLocalPort())) {
            serve(upstream, s -> {
                byte[] request = s.getInputStream().readAllBytes();
                // Only after the client's FIN: the answer, then our own FIN.
                s.getOutputStream().write(("after your FIN: " + new String(request, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII));
                s.shutdownOutput();
            });
            try (Socket s = proxy.connect()) {
                s.getOutputStream().write("request".getBytes(StandardCharsets.US_ASCII));
                s.shutdownOutput();
                assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("after your FIN: request");
            }
            proxy.awaitEnded(1);
            assertThat(proxy.log).singleElement().asString().endsWith(" closed: 7 bytes up, 23 down");
        }
    }

    @Test
    void aRefusedConnectionIsClosedWithItsReasonAndTheNextOneGoesThrough() throws Exception {
        int port;
        try (ServerSocket free = server()) {
            port = free.getLocalPort();
        }
        try (RunningRelay proxy = new RunningRelay(port)) {
            try (Socket s = proxy.connect()) {
                // The client is reset, as a refused connection is.
                assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketException.class).hasMessageContaining("reset");
            }
            proxy.awaitEnded(1);
            assertThat(proxy.log).singleElement().asString()
                    .matches("127\\.0\\.0\\.1:\\d+ closed: cannot connect to the upstream 127\\.0\\.0\\.1:" + port + " \\(Connection refused\\)");

            try (ServerSocket upstream = new ServerSocket()) {
                upstream.setReuseAddress(true);
                upstream.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                serve(upstream, s -> s.getOutputStream().write(s.getInputStream().readAllBytes()));
                try (Socket s = proxy.connect()) {
                    assertThat(exchange(s, "again".getBytes(StandardCharsets.US_ASCII))).asString(StandardCharsets.US_ASCII).isEqualTo("again");
                }
            }
        }
    }

    @Test
    void aClientResetResetsItsUpstreamSideAndLeavesTheOthersRunning() throws Exception {
        CompletableFuture<String> upstreamSaw = new CompletableFuture<>();
        try (ServerSocket upstream = server(); RunningRelay proxy = new RunningRelay(upstream.getLocalPort())) {
            serve(upstream, s -> {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                byte[] b = new byte[4096];
                try {
                    for (int n; (n = in.read(b)) > 0; ) {
                        out.write(b, 0, n);
                        if (new String(b, 0, n, StandardCharsets.US_ASCII).startsWith("doomed")) {
                            upstreamSaw.obtrudeValue("data");
                        }
                    }
                    if (upstreamSaw.getNow("").equals("data")) {
                        upstreamSaw.obtrudeValue("FIN");
                    }
                } catch (SocketException e) {
                    if (upstreamSaw.getNow("").equals("data")) {
                        upstreamSaw.obtrudeValue("reset: " + e.getMessage());
                    }
                }
            });
            try (Socket survivor = proxy.connect(); Socket doomed = proxy.connect()) {
                survivor.getOutputStream().write("first".getBytes(StandardCharsets.US_ASCII));
                assertThat(survivor.getInputStream().readNBytes(5)).asString(StandardCharsets.US_ASCII).isEqualTo("first");

                doomed.getOutputStream().write("doomed".getBytes(StandardCharsets.US_ASCII));
                assertThat(doomed.getInputStream().readNBytes(6)).asString(StandardCharsets.US_ASCII).isEqualTo("doomed");
                doomed.setSoLinger(true, 0);
                doomed.close();

                proxy.awaitEnded(1);
                assertThat(proxy.log).singleElement().asString().contains(" reset: the client side failed (")
                        .endsWith("so the upstream side was reset; 6 bytes up, 6 down");
                for (int i = 0; i < 100 && !upstreamSaw.getNow("").startsWith("reset"); i++) {
                    Thread.sleep(50);
                }
                assertThat(upstreamSaw.getNow("")).startsWith("reset: ");

                survivor.getOutputStream().write("still here".getBytes(StandardCharsets.US_ASCII));
                assertThat(survivor.getInputStream().readNBytes(10)).asString(StandardCharsets.US_ASCII).isEqualTo("still here");
            }
        }
    }

    @Test
    void anUpstreamThatNeverAcceptsIsGivenUpOnAfterTheConnectTimeout() throws Exception {
        // A listener whose accept queue is full drops further SYNs (Linux): connecting to it hangs.
        try (ServerSocket upstream = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket s = new Socket();
                    queued.add(s);
                    try {
                        s.connect(upstream.getLocalSocketAddress(), 300);
                    } catch (java.net.SocketTimeoutException e) {
                        break;
                    }
                }
                Relay.Limits limits = new Relay.Limits(Duration.ofSeconds(1), Duration.ofMinutes(1), 64 * 1024);
                try (RunningRelay proxy = new RunningRelay(upstream.getLocalPort(), limits, null); Socket s = proxy.connect()) {
                    assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketException.class);
                    proxy.awaitEnded(1);
                    assertThat(proxy.log).singleElement().asString()
                            .endsWith(" closed: the upstream 127.0.0.1:" + upstream.getLocalPort() + " did not answer within 1 s");
                }
            } finally {
                for (Socket s : queued) {
                    s.close();
                }
            }
        }
    }

    /**
     * Recorded as the one connection the peers believe they have: the client's real address and port to
     * the upstream's, a three-way handshake, each side's bytes in order and unaltered, both FINs.
     */
    @Test
    void theRecordingIsTheClientsConnectionToTheUpstream() throws Exception {
        LiveFeed feed = new LiveFeed(64 << 20, line -> { });
        byte[] request = payload(1, 100_000);
        try (ServerSocket upstream = server();
             RunningRelay proxy = new RunningRelay(upstream.getLocalPort(), Relay.Limits.DEFAULT,
                     new Recorder(feed, Clock.systemUTC(), TcpSynthesizer.MAX_MSS))) {
            serve(upstream, s -> s.getOutputStream().write(("got " + s.getInputStream().readAllBytes().length).getBytes(StandardCharsets.US_ASCII)));
            int clientPort;
            try (Socket s = proxy.connect()) {
                clientPort = s.getLocalPort();
                assertThat(exchange(s, request)).asString(StandardCharsets.US_ASCII).isEqualTo("got 100000");
            }
            proxy.awaitEnded(1);
            proxy.close();
            feed.end();

            PacketDecoder decoder = new PacketDecoder();
            ByteArrayOutputStream up = new ByteArrayOutputStream();
            ByteArrayOutputStream down = new ByteArrayOutputStream();
            List<String> flags = new ArrayList<>();
            for (Frame f = feed.next(); f != null; f = feed.next()) {
                TcpSegment seg = decoder.decode(f);
                boolean fromClient = seg.src().port() == clientPort;
                assertThat(seg.src().toString() + " " + seg.dst()).isEqualTo(fromClient
                        ? "127.0.0.1:" + clientPort + " 127.0.0.1:" + upstream.getLocalPort()
                        : "127.0.0.1:" + upstream.getLocalPort() + " 127.0.0.1:" + clientPort);
                (fromClient ? up : down).writeBytes(seg.payload().toArray());
                flags.add((fromClient ? "c:" : "s:") + (seg.has(TcpSegment.SYN) ? "S" : "") + (seg.has(TcpSegment.FIN) ? "F" : "")
                        + (seg.payload().length() > 0 ? "D" : ""));
            }
            assertThat(flags.subList(0, 3)).containsExactly("c:S", "s:S", "c:");
            assertThat(flags).contains("c:F", "s:F");
            assertThat(up.toByteArray()).isEqualTo(request);
            assertThat(down.toString(StandardCharsets.US_ASCII)).isEqualTo("got 100000");
        }
    }
}
