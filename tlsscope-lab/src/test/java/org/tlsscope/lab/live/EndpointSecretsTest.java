package org.tlsscope.lab.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsscope.decrypt.Decryption;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.lab.ClientEndpoint;
import org.tlsscope.lab.ServerEndpoint;
import org.tlsscope.lab.TestPki;
import org.tlsscope.lab.TlsNames;
import org.tlsscope.lab.TlsOptions;
import org.tlsscope.lab.app.Exchange;
import org.tlsscope.lab.app.Responder;
import org.tlsscope.lab.engine.NioLoop;
import org.tlsscope.lab.engine.Recorder;
import org.tlsscope.lab.record.TcpSynthesizer;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.DecryptionStatus.Verification;
import org.tlsscope.tls.connection.TlsListener;

/**
 * A lab server and client hand their secrets to an analysis of their own recordings through the feed, with no
 * key log file and no waiting: the analysis has each secret when it reads the first record the secret opens,
 * which holds only if every secret is logged before the packets it opens are recorded. That is the case the
 * order matters for: the records a peer receives in the same read as the message that lets it derive their
 * keys (a TLS 1.3 client's ServerHello and encrypted flight, a TLS 1.2 server's ClientKeyExchange and
 * Finished, a resuming TLS 1.2 client's ServerHello and Finished).
 */
@Timeout(60)
class EndpointSecretsTest {
    private static final byte[] GET = "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** One side's recording and secrets, and what its analysis reported. */
    private static final class Side {
        final LiveFeed feed = new LiveFeed(64 << 20, line -> { });
        final KeyLog keys = new KeyLog();
        final Recorder recorder = new Recorder(feed, Clock.systemUTC(), TcpSynthesizer.MAX_MSS);
        final List<ConnectionReport> reports = new ArrayList<>();

        /** The analysis of everything queued, on this thread: the feed keeps the order the loop wrote in. */
        void analyze() throws IOException {
            feed.end();
            Analyzer.run(feed, new TlsListener() {
                @Override
                public void onConnectionEnd(ConnectionReport report) {
                    reports.add(report);
                }
            }, new Decryption(keys, new RsaKeys()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "1.3"})
    void bothSidesAnalysesOpenEveryRecordAndVerifyBothFinishedThenHoldNoSecret(String version) throws IOException {
        // TLS 1.2 without tickets, so that the second connection resumes the first by session ID.
        TlsOptions options = new TlsOptions(List.of(TlsNames.version(version)), List.of(), List.of(), "localhost", List.of(),
                false, false);
        Side server = new Side();
        Side client = new Side();
        List<Exchange> exchanges = new ArrayList<>();
        try (NioLoop loop = new NioLoop(line -> { }, Duration.ofSeconds(10), Duration.ofSeconds(2))) {
            InetSocketAddress address = loop.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    new ServerEndpoint(TestPki.get(), options, server.feed.secretsInto(server.keys), server.recorder,
                            c -> new Responder()));
            ClientEndpoint first = null;
            for (int i = 0; i < 2; i++) {
                Exchange exchange = new Exchange(GET, -1);
                exchanges.add(exchange);
                ClientEndpoint endpoint = new ClientEndpoint(TestPki.get(), options, client.feed.secretsInto(client.keys),
                        client.recorder, exchange, first == null ? null : first.session());
                loop.connect(address, endpoint);
                assertThat(loop.runUntil(() -> exchange.done() && loop.connections() == 0, Duration.ofSeconds(20))).isTrue();
                first = first == null ? endpoint : first;
            }
        }
        assertThat(exchanges).allSatisfy(e -> assertThat(e.failure()).isNull());
        boolean resumes = version.equals("1.2");
        assertThat(new String(exchanges.get(1).received(), StandardCharsets.UTF_8))
                .as("BC resumes TLS 1.2 by session ID; it has no TLS 1.3 PSK resumption as a server")
                .contains("Resumed   : " + (resumes ? "yes" : "no"));

        for (Side side : List.of(server, client)) {
            side.analyze();
            assertThat(side.reports).hasSize(2);
            for (int i = 0; i < 2; i++) {
                ConnectionReport report = side.reports.get(i);
                assertThat(report.version()).isEqualTo(TlsNames.version(version).getFullVersion());
                assertThat(report.resumed()).isEqualTo(resumes && i == 1);
                assertThat(report.decryption().reason()).isNull();
                assertThat(report.decryption().decrypted()).isTrue();
                assertThat(report.decryption().recordsFailed()).isZero();
                assertThat(report.decryption().clientFinished()).isEqualTo(Verification.VERIFIED);
                assertThat(report.decryption().serverFinished()).isEqualTo(Verification.VERIFIED);
                assertThat(report.decryption().clientPlaintextBytes()).isEqualTo(GET.length);
                assertThat(report.decryption().serverPlaintextBytes()).isEqualTo(exchanges.get(i).received().length);
            }
            // Each connection's secrets were dropped once it had ended and been read.
            assertThat(side.keys.size()).isZero();
            assertThat(side.feed.skippedSecrets()).isZero();
        }
    }
}
