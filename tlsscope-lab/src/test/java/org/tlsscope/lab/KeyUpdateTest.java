package org.tlsscope.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bouncycastle.tls.ProtocolVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tlsscope.lab.app.Exchange;
import org.tlsscope.lab.app.Responder;
import org.tlsscope.lab.engine.NioLoop;
import org.tlsscope.lab.engine.Recorder;
import org.tlsscope.lab.keylog.KeyLogSink;
import org.tlsscope.lab.record.LinkType;
import org.tlsscope.lab.record.PcapWriter;
import org.tlsscope.lab.record.TcpSynthesizer;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.ConnectionReport.MessageSeen;

/**
 * TLS 1.3 KeyUpdate on request (RFC 8446 section 4.6.3), and TLS 1.2 renegotiation, which Bouncy Castle
 * 1.84 refuses. A recording with a KeyUpdate is still opened by the key log alone: the next traffic
 * secret derives from the logged one (section 7.2), and tlsscope and tshark both derive it.
 */
@Timeout(60)
class KeyUpdateTest {
    private static final byte[] PING = "ping\n".getBytes(StandardCharsets.US_ASCII);
    private static final TlsOptions TLS13 = new TlsOptions(List.of(ProtocolVersion.TLSv13), List.of(), List.of(),
            "localhost", List.of(), false, false);
    private static final TlsOptions TLS12 = new TlsOptions(List.of(ProtocolVersion.TLSv12), List.of(), List.of(),
            "localhost", List.of(), false, false);

    @TempDir
    Path tmp;

    @Test
    void ourClientUpdatesKeysAndTheRecordingIsDecryptedAcrossTheUpdate() throws Exception {
        Path pcap = tmp.resolve("ku.pcap");
        Path keys = tmp.resolve("ku.keys");
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Exchange exchange = new Exchange(PING, 2L * PING.length, true);
        try (PcapWriter w = new PcapWriter(new BufferedOutputStream(Files.newOutputStream(pcap)), LinkType.NULL);
             Writer k = Files.newBufferedWriter(keys);
             NioLoop loop = new NioLoop(log::add, Duration.ofSeconds(10), Duration.ofSeconds(2))) {
            InetSocketAddress address = loop.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    new ServerEndpoint(TestPki.get(), TLS13, KeyLogSink.none(), null, c -> new Responder()));
            loop.connect(address, new ClientEndpoint(TestPki.get(), TLS13, KeyLogSink.to(k),
                    new Recorder(w, Clock.systemUTC(), TcpSynthesizer.MAX_MSS), exchange, null));
            assertThat(loop.runUntil(() -> exchange.done() && loop.connections() == 0, Duration.ofSeconds(20))).isTrue();
        }
        assertThat(exchange.failure()).isNull();
        assertThat(new String(exchange.received(), StandardCharsets.US_ASCII)).isEqualTo("ping\nping\n");
        // Client #1 updated and asked the server (#2) to; the server answered with its own update.
        assertThat(log).containsSubsequence("#1 KeyUpdate sent: our next traffic secret is in use",
                "#2 KeyUpdate received: the peer's next traffic secret is in use",
                "#2 KeyUpdate sent: our next traffic secret is in use",
                "#1 KeyUpdate received: the peer's next traffic secret is in use");
        assertDecryptedAcrossTheUpdates(pcap, keys, 2);
    }

    @Test
    void opensslClientAsksForAnUpdateAndTheServerAnswers() throws Exception {
        assumeTrue(Tools.has("openssl"), "openssl not installed");
        Path pcap = tmp.resolve("server.pcap");
        Path keys = tmp.resolve("server.keys");
        try (PcapWriter w = new PcapWriter(new BufferedOutputStream(Files.newOutputStream(pcap)), LinkType.NULL);
             Writer k = Files.newBufferedWriter(keys)) {
            try (ServerThread server = new ServerThread(TLS13, Duration.ofSeconds(10), KeyLogSink.to(k),
                    new Recorder(w, Clock.systemUTC(), TcpSynthesizer.MAX_MSS));
                 Client openssl = new Client(server, "-tls1_3")) {
                await(() -> server.log.stream().anyMatch(l -> l.contains("handshake complete")));
                // s_client's commands: a line "K" sends KeyUpdate with update_requested (not sent as data).
                openssl.type("K\n");
                await(() -> openssl.output().contains("KEYUPDATE"));
                openssl.type("ping\n");
                await(() -> server.log.stream().anyMatch(l -> l.endsWith("KeyUpdate sent: our next traffic secret is in use")));
                await(() -> openssl.output().contains("ping"));
                openssl.endInput();
                assertThat(openssl.exit()).isZero();
                assertThat(server.log).containsSubsequence("#1 KeyUpdate received: the peer's next traffic secret is in use",
                        "#1 KeyUpdate sent: our next traffic secret is in use");
            }
        }
        assertDecryptedAcrossTheUpdates(pcap, keys, 1);
    }

    @Test
    void renegotiationIsRefusedWithAWarning() throws Exception {
        assumeTrue(Tools.has("openssl"), "openssl not installed");
        try (ServerThread server = new ServerThread(TLS12, Duration.ofSeconds(10), KeyLogSink.none(), null);
             Client openssl = new Client(server, "-tls1_2")) {
            await(() -> server.log.stream().anyMatch(l -> l.contains("handshake complete")));
            // s_client's "R" sends a new ClientHello on the open connection (RFC 5746 secure renegotiation).
            openssl.type("R\n");
            await(() -> !openssl.alive() || server.log.stream().anyMatch(l -> l.contains("no_renegotiation")));
            assertThat(server.log).contains("#1 alert sent: warning(1) no_renegotiation(100) (Renegotiation not supported)");
        }
    }

    @Test
    void tls12HasNoKeyUpdate() throws IOException {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Exchange exchange = new Exchange(PING, PING.length, true);
        try (NioLoop loop = new NioLoop(log::add, Duration.ofSeconds(10), Duration.ofSeconds(2))) {
            InetSocketAddress address = loop.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    new ServerEndpoint(TestPki.get(), TLS12, KeyLogSink.none(), null, c -> new Responder()));
            loop.connect(address, new ClientEndpoint(TestPki.get(), TLS12, KeyLogSink.none(), null, exchange, null));
            assertThat(loop.runUntil(() -> exchange.done() && loop.connections() == 0, Duration.ofSeconds(20))).isTrue();
        }
        assertThat(exchange.failure()).isNull();
        assertThat(log).contains("#1 KeyUpdate not sent: TLS 1.3 only, on a connection still open")
                .noneMatch(l -> l.contains("KeyUpdate sent"));
    }

    /**
     * The recording shows each side's KeyUpdate, and tlsscope and tshark open every record before and after:
     * {@code pings} "ping" lines from the client (the last one after its update), as many echoed back.
     */
    private static void assertDecryptedAcrossTheUpdates(Path pcap, Path keys, int pings) throws Exception {
        ConnectionReport report = LoopbackTest.analyze(pcap, keys);
        List<String> updates = report.messages().stream().filter(m -> m.type().equals("key_update")).map(MessageSeen::from).toList();
        assertThat(updates).containsExactly("client", "server");
        assertThat(report.decryption().recordsFailed()).isZero();
        assertThat(report.decryption().clientPlaintextBytes()).isEqualTo((long) pings * PING.length);
        assertThat(report.decryption().serverPlaintextBytes()).isEqualTo((long) pings * PING.length);

        assumeTrue(Tools.has("tshark"), "tshark not installed");
        Tools.Run requests = Tools.run(20, "tshark", "-r", pcap.toString(), "-o", "tls.keylog_file:" + keys,
                "-Y", "tls.handshake.type == 24", "-T", "fields", "-e", "tls.handshake.key_update.request_update");
        assertThat(requests.out().lines().filter(l -> !l.isBlank() && !l.contains("Running as user")).toList())
                .containsExactly("1", "0");
        Tools.Run follow = Tools.run(20, "tshark", "-r", pcap.toString(), "-o", "tls.keylog_file:" + keys, "-q",
                "-z", "follow,tls,ascii,0");
        assertThat(follow.out().lines().filter(l -> l.equals("ping")).count()).isEqualTo(2L * pings);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 2_000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    /** openssl s_client in its interactive mode (its commands work without -quiet and -ign_eof). */
    private static final class Client implements AutoCloseable {
        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private final OutputStream input;

        Client(ServerThread server, String version) throws IOException {
            process = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + server.address.getPort(),
                    version, "-servername", "localhost").redirectErrorStream(true).start();
            input = process.getOutputStream();
            InputStream out = process.getInputStream();
            Thread.ofPlatform().daemon().start(() -> {
                byte[] b = new byte[4096];
                try {
                    for (int n = out.read(b); n >= 0; n = out.read(b)) {
                        output.append(new String(b, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    // The process is gone.
                }
            });
        }

        void type(String line) throws IOException {
            input.write(line.getBytes(StandardCharsets.US_ASCII));
            input.flush();
        }

        String output() {
            return output.toString();
        }

        boolean alive() {
            return process.isAlive();
        }

        /** End of input: s_client sends close_notify and exits. */
        void endInput() throws IOException {
            input.close();
        }

        int exit() throws InterruptedException {
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            return process.exitValue();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
