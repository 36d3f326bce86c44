package org.tlsscope.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bouncycastle.tls.ProtocolVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.capture.Frame;
import org.tlsscope.decrypt.Decryption;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.lab.app.Exchange;
import org.tlsscope.lab.app.Responder;
import org.tlsscope.lab.engine.NioLoop;
import org.tlsscope.lab.engine.Recorder;
import org.tlsscope.lab.keylog.KeyLogSink;
import org.tlsscope.lab.record.LinkType;
import org.tlsscope.lab.record.PcapWriter;
import org.tlsscope.lab.record.TcpSynthesizer;
import org.tlsscope.net.PacketDecoder;
import org.tlsscope.net.TcpSegment;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.DecryptionStatus.Verification;
import org.tlsscope.tls.connection.TlsListener;

/**
 * Client and server on loopback, one selector thread: the exchange arrives whole, and the client's
 * recording is a capture that tlsscope and tshark both read and decrypt with the key log it wrote.
 */
@Timeout(30)
class LoopbackTest {
    private static final byte[] GET = "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"1.0,TLS_RSA_WITH_AES_256_CBC_SHA,65495,NULL", "1.2,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,65495,ETHERNET",
            "1.3,TLS_AES_128_GCM_SHA256,100,NULL", "1.3,TLS_CHACHA20_POLY1305_SHA256,65495,NULL"})
    void recordedSessionIsDecryptedByTlsscopeAndTshark(String version, String suite, int mss, LinkType link) throws Exception {
        TlsOptions options = new TlsOptions(List.of(TlsNames.version(version)), List.of(TlsNames.cipherSuite(suite)),
                List.of(), "localhost", List.of(), true, false);
        Path pcap = tmp.resolve("s.pcap");
        Path keys = tmp.resolve("s.keys");
        LabSession.Result result;
        try (PcapWriter w = new PcapWriter(new BufferedOutputStream(Files.newOutputStream(pcap)), link);
             Writer k = Files.newBufferedWriter(keys)) {
            result = LabSession.run(TestPki.get(), options, options, GET, KeyLogSink.to(k),
                    new Recorder(w, Clock.systemUTC(), mss), line -> { }, Duration.ofSeconds(10));
        }
        assertThat(result.failure()).isNull();
        String reply = new String(result.reply(), StandardCharsets.UTF_8);
        assertThat(reply).startsWith("HTTP/1.0 200 ok").contains("Cipher    : " + suite);

        ConnectionReport report = analyze(pcap, keys);
        assertThat(report.version()).isEqualTo(TlsNames.version(version).getFullVersion());
        assertThat(report.cipherSuite()).isEqualTo(TlsNames.cipherSuite(suite));
        assertThat(report.decryption().decrypted()).isTrue();
        assertThat(report.decryption().recordsFailed()).isZero();
        assertThat(report.decryption().clientFinished()).isEqualTo(Verification.VERIFIED);
        assertThat(report.decryption().serverFinished()).isEqualTo(Verification.VERIFIED);
        assertThat(report.decryption().clientPlaintextBytes()).isEqualTo(GET.length);
        assertThat(report.decryption().serverPlaintextBytes()).isEqualTo(result.reply().length);
        assertThat(report.alerts()).hasSize(2);

        assumeTrue(Tools.has("tshark"), "tshark not installed");
        Tools.Run plain = Tools.run(20, "tshark", "-r", pcap.toString(), "-V");
        assertThat(plain.code()).isZero();
        assertThat(plain.out()).doesNotContain("Malformed").doesNotContain("ACKed segment that wasn't captured")
                .doesNotContain("previous segment not captured").doesNotContain("[TCP Retransmission]");
        Tools.Run decrypted = Tools.run(20, "tshark", "-r", pcap.toString(), "-o", "tls.keylog_file:" + keys, "-V");
        assertThat(decrypted.code()).isZero();
        assertThat(decrypted.out()).contains("Handshake Type: Finished (20)");
        // The stream in clear, as Follow TLS Stream shows it. TLS 1.0 CBC records are split 1/n-1 (the BEAST
        // countermeasure), so the first byte of each direction stands alone.
        Tools.Run follow = Tools.run(20, "tshark", "-r", pcap.toString(), "-o", "tls.keylog_file:" + keys, "-q",
                "-z", "follow,tls,ascii,0");
        assertThat(follow.out()).contains("ET / HTTP/1.0").contains("TTP/1.0 200 ok").contains("tlsscope lab server");
    }

    @Test
    void ipv6RecordingIsReadAndDecryptedByTlsscopeAndTshark() throws Exception {
        InetAddress v6;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            v6 = probe.getInetAddress();
        } catch (IOException e) {
            assumeTrue(false, "no IPv6 loopback: " + e.getMessage());
            return;
        }
        Path pcap = tmp.resolve("v6.pcap");
        Path keys = tmp.resolve("v6.keys");
        Exchange exchange = new Exchange(GET, -1);
        try (PcapWriter w = new PcapWriter(new BufferedOutputStream(Files.newOutputStream(pcap)), LinkType.NULL);
             Writer k = Files.newBufferedWriter(keys);
             NioLoop loop = new NioLoop(line -> { }, Duration.ofSeconds(10), Duration.ofSeconds(2))) {
            InetSocketAddress address = loop.listen(new InetSocketAddress(v6, 0),
                    new ServerEndpoint(TestPki.get(), TlsOptions.MODERN, KeyLogSink.none(), null, c -> new Responder()));
            loop.connect(address, new ClientEndpoint(TestPki.get(), TlsOptions.MODERN, KeyLogSink.to(k),
                    new Recorder(w, Clock.systemUTC(), TcpSynthesizer.MAX_MSS), exchange, null));
            assertThat(loop.runUntil(() -> exchange.done() && loop.connections() == 0, Duration.ofSeconds(20))).isTrue();
        }
        assertThat(exchange.failure()).isNull();

        ConnectionReport report = analyze(pcap, keys);
        assertThat(report.connection().client().address().v6()).isTrue();
        assertThat(report.connection().server().address().toString()).isEqualTo("::1");
        assertThat(report.decryption().recordsFailed()).isZero();
        assertThat(report.decryption().serverPlaintextBytes()).isEqualTo(exchange.received().length);

        assumeTrue(Tools.has("tshark"), "tshark not installed");
        Tools.Run plain = Tools.run(20, "tshark", "-r", pcap.toString(), "-T", "fields", "-e", "ipv6.src", "-e", "tcp.analysis.flags");
        assertThat(plain.code()).isZero();
        List<String> rows = plain.out().lines().filter(l -> l.startsWith("::1")).toList();
        assertThat(rows).hasSizeGreaterThan(5).allMatch(r -> r.equals("::1\t")); // no TCP analysis warning on any packet
        Tools.Run follow = Tools.run(20, "tshark", "-r", pcap.toString(), "-o", "tls.keylog_file:" + keys, "-q",
                "-z", "follow,tls,ascii,0");
        assertThat(follow.out()).contains("GET / HTTP/1.0").contains("HTTP/1.0 200 ok");
    }

    @Test
    void bulkEchoThroughBackpressureArrivesWhole() throws IOException {
        byte[] data = new byte[3 << 20];
        new Random(1).nextBytes(data);
        data[0] = 'X'; // not "GET ": the responder echoes
        TlsOptions options = TlsOptions.MODERN;
        try (NioLoop loop = new NioLoop(line -> { }, Duration.ofSeconds(10), Duration.ofSeconds(2))) {
            InetSocketAddress address = loop.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    new ServerEndpoint(TestPki.get(), options, KeyLogSink.none(), null, c -> new Responder()));
            Exchange exchange = new Exchange(data, data.length);
            loop.connect(address, new ClientEndpoint(TestPki.get(), options, KeyLogSink.none(), null, exchange, null));
            assertThat(loop.runUntil(() -> exchange.done() && loop.connections() == 0, Duration.ofSeconds(20))).isTrue();
            assertThat(exchange.received()).isEqualTo(data);
            assertThat(exchange.failure()).isNull();
        }
    }

    @Test
    void manyConnectionsOnOneThread() throws IOException {
        TlsOptions options = TlsOptions.MODERN;
        List<Exchange> exchanges = new ArrayList<>();
        try (NioLoop loop = new NioLoop(line -> { }, Duration.ofSeconds(10), Duration.ofSeconds(2))) {
            InetSocketAddress address = loop.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    new ServerEndpoint(TestPki.get(), options, KeyLogSink.none(), null, c -> new Responder()));
            for (int i = 0; i < 40; i++) {
                Exchange e = new Exchange(GET, -1);
                exchanges.add(e);
                loop.connect(address, new ClientEndpoint(TestPki.get(), options, KeyLogSink.none(), null, e, null));
            }
            assertThat(loop.runUntil(() -> exchanges.stream().allMatch(Exchange::done) && loop.connections() == 0,
                    Duration.ofSeconds(20))).isTrue();
        }
        assertThat(exchanges).allSatisfy(e -> {
            assertThat(e.failure()).isNull();
            assertThat(new String(e.received(), StandardCharsets.UTF_8)).startsWith("HTTP/1.0 200 ok");
        });
    }

    @Test
    void aSecondConnectionResumesTheFirstSessionById() throws IOException {
        TlsOptions options = new TlsOptions(List.of(ProtocolVersion.TLSv12), List.of(), List.of(), null, List.of(), false, false);
        try (NioLoop loop = new NioLoop(line -> { }, Duration.ofSeconds(10), Duration.ofSeconds(2))) {
            InetSocketAddress address = loop.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    new ServerEndpoint(TestPki.get(), options, KeyLogSink.none(), null, c -> new Responder()));
            Exchange first = new Exchange(GET, -1);
            ClientEndpoint firstClient = new ClientEndpoint(TestPki.get(), options, KeyLogSink.none(), null, first, null);
            loop.connect(address, firstClient);
            assertThat(loop.runUntil(first::done, Duration.ofSeconds(10))).isTrue();
            Exchange second = new Exchange(GET, -1);
            loop.connect(address, new ClientEndpoint(TestPki.get(), options, KeyLogSink.none(), null, second, firstClient.session()));
            assertThat(loop.runUntil(second::done, Duration.ofSeconds(10))).isTrue();
            assertThat(new String(first.received(), StandardCharsets.UTF_8)).contains("Resumed   : no");
            assertThat(new String(second.received(), StandardCharsets.UTF_8)).contains("Resumed   : yes");
        }
    }

    @Test
    void clientCertificateIsRequestedAndSent() throws IOException {
        for (ProtocolVersion v : List.of(ProtocolVersion.TLSv12, ProtocolVersion.TLSv13)) {
            TlsOptions options = new TlsOptions(List.of(v), List.of(), List.of(), null, List.of(), false, true);
            List<String> log = new ArrayList<>();
            LabSession.Result r = LabSession.run(TestPki.get(), options, options, GET, KeyLogSink.none(), null, log::add,
                    Duration.ofSeconds(10));
            assertThat(r.failure()).isNull();
            assertThat(log).anyMatch(l -> l.contains("client certificate: CN=tlsscope lab client"));
        }
    }

    static ConnectionReport analyze(Path pcap, Path keys) throws IOException {
        KeyLog keyLog = new KeyLog();
        keyLog.load(keys);
        List<ConnectionReport> reports = new ArrayList<>();
        try (CaptureReader reader = Captures.open(pcap)) {
            Analyzer.run(reader, new TlsListener() {
                @Override
                public void onConnectionEnd(ConnectionReport report) {
                    reports.add(report);
                }
            }, new Decryption(keyLog, new RsaKeys()));
        }
        assertThat(reports).hasSize(1);
        return reports.getFirst();
    }

    /** A loop shut down with a connection open: its recording ends with the FIN the socket sent, not a reset. */
    @Test
    @Timeout(60)
    void aConnectionOpenAtShutdownIsRecordedEndingWithAFin() throws Exception {
        Path pcap = tmp.resolve("shutdown.pcap");
        Exchange exchange = new Exchange("ping\n".getBytes(StandardCharsets.US_ASCII), -1);
        int serverPort;
        try (PcapWriter w = new PcapWriter(new BufferedOutputStream(Files.newOutputStream(pcap)), LinkType.NULL);
             NioLoop loop = new NioLoop(line -> { }, Duration.ofSeconds(10), Duration.ofSeconds(2))) {
            InetSocketAddress address = loop.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    new ServerEndpoint(TestPki.get(), TlsOptions.MODERN, KeyLogSink.none(),
                            new Recorder(w, Clock.systemUTC(), TcpSynthesizer.MAX_MSS), c -> new Responder()));
            serverPort = address.getPort();
            loop.connect(address, new ClientEndpoint(TestPki.get(), TlsOptions.MODERN, KeyLogSink.none(), null, exchange, null));
            assertThat(loop.runUntil(exchange::opened, Duration.ofSeconds(20))).isTrue();
            loop.runUntil(() -> false, Duration.ofMillis(300)); // the echo goes both ways; the connection stays open
            assertThat(loop.connections()).isEqualTo(2);
        }

        List<TcpSegment> fromServer = new ArrayList<>();
        PacketDecoder decoder = new PacketDecoder(false);
        try (CaptureReader reader = Captures.open(pcap)) {
            for (Frame f = reader.next(); f != null; f = reader.next()) {
                TcpSegment segment = decoder.decode(f);
                if (segment != null && segment.src().port() == serverPort) {
                    fromServer.add(segment);
                }
            }
        }
        assertThat(fromServer).noneMatch(segment -> segment.has(TcpSegment.RST));
        assertThat(fromServer.getLast().has(TcpSegment.FIN)).isTrue();
    }
}
