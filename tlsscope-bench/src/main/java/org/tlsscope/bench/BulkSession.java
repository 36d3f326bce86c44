package org.tlsscope.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.tls.ProtocolVersion;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.lab.ClientEndpoint;
import org.tlsscope.lab.ServerEndpoint;
import org.tlsscope.lab.TlsOptions;
import org.tlsscope.lab.app.Exchange;
import org.tlsscope.lab.engine.Application;
import org.tlsscope.lab.engine.NioLoop;
import org.tlsscope.lab.engine.Recorder;
import org.tlsscope.lab.engine.TlsChannel;
import org.tlsscope.lab.keylog.KeyLogSink;
import org.tlsscope.lab.pki.LabPki;
import org.tlsscope.lab.record.LinkType;
import org.tlsscope.lab.record.PcapWriter;
import org.tlsscope.lab.record.TcpSynthesizer;

/**
 * A bulk download recorded in memory: the lab's client and server (Bouncy Castle TLS) on loopback, the client
 * sends a request, the server answers with {@code records} x 2^14 bytes in one write, which its TLS stack cuts
 * into full records, then closes. The client's view is recorded as a pcap (loopback-sized segments, as
 * make-corpus.sh's bulk.pcap has) with its key log, the input a user of {@code --keylog} gives tlsscope.
 *
 * @param pcap   the capture
 * @param keyLog the client's secrets, loaded
 * @param bytes  the application data the server sent
 */
record BulkSession(byte[] pcap, KeyLog keyLog, long bytes) {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final byte[] REQUEST = "GET /bulk HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static LabPki pki;

    static BulkSession record(BenchSuite suite, int records) {
        TlsOptions options = new TlsOptions(List.of(suite.tls13() ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12),
                List.of(suite.id()), List.of(), null, List.of(), false, false);
        byte[] body = new byte[records * RecordCipherBench.RECORD];
        ByteArrayOutputStream capture = new ByteArrayOutputStream(body.length + (1 << 20));
        StringBuilder keys = new StringBuilder();
        Exchange exchange = new Exchange(REQUEST, -1);
        try (PcapWriter writer = new PcapWriter(capture, LinkType.NULL);
             NioLoop loop = new NioLoop(line -> { }, TIMEOUT, Duration.ofSeconds(2))) {
            InetSocketAddress server = loop.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    new ServerEndpoint(pki(), options, KeyLogSink.none(), null, channel -> new Download(body)));
            loop.connect(server, new ClientEndpoint(pki(), options, KeyLogSink.to(line -> keys.append(line).append('\n')),
                    new Recorder(writer, Clock.systemUTC(), TcpSynthesizer.MAX_MSS), exchange, null));
            if (!loop.runUntil(() -> exchange.done() && loop.connections() == 0, TIMEOUT)) {
                throw new IllegalStateException(suite + ": the lab session did not end within " + TIMEOUT);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (exchange.failure() != null || exchange.received().length != body.length) {
            throw new IllegalStateException(suite + ": the lab session failed (" + exchange.failure() + "), "
                    + exchange.received().length + " of " + body.length + " bytes received");
        }
        KeyLog keyLog = new KeyLog();
        keyLog.add("lab", keys.toString().getBytes(StandardCharsets.US_ASCII));
        return new BulkSession(capture.toByteArray(), keyLog, body.length);
    }

    /** The server's application: the whole body in answer to the request, then close_notify. */
    private static final class Download implements Application {
        private final byte[] body;
        private boolean sent;

        Download(byte[] body) {
            this.body = body;
        }

        @Override
        public void onData(TlsChannel channel, byte[] data) {
            if (!sent) {
                sent = true;
                channel.write(body);
                channel.close();
            }
        }
    }

    /** One lab PKI per JVM (RSA key generation is the slow part), in a directory removed at exit. */
    private static synchronized LabPki pki() throws IOException {
        if (pki == null) {
            Path dir = Files.createTempDirectory("tlsscope-bench-pki");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            pki = LabPki.loadOrCreate(dir, LabPki.DEFAULT_RSA_BITS);
        }
        return pki;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temporary directory of throwaway test keys: nothing to tell the user about at exit.
        }
    }
}
