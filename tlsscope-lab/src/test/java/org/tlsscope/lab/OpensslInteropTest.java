package org.tlsscope.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsscope.lab.app.Exchange;
import org.tlsscope.lab.app.Responder;
import org.tlsscope.lab.engine.NioLoop;
import org.tlsscope.lab.keylog.KeyLogSink;

/** OpenSSL against our server and our client against OpenSSL, TLS 1.2 and 1.3; skipped without openssl. */
@Timeout(30)
class OpensslInteropTest {
    private static final byte[] GET = "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "1.3"})
    void opensslClientGetsOurPage(String version) throws Exception {
        assumeTrue(Tools.has("openssl"), "openssl not installed");
        TlsOptions options = new TlsOptions(List.of(TlsNames.version(version)), List.of(), List.of(), null, List.of(), true, false);
        try (NioLoop loop = new NioLoop(line -> { }, Duration.ofSeconds(10), Duration.ofSeconds(2))) {
            InetSocketAddress address = loop.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    new ServerEndpoint(TestPki.get(), options, KeyLogSink.none(), null, c -> new Responder()));
            Process p = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + address.getPort(),
                    "-tls" + version.replace('.', '_'), "-CAfile", TestPki.get().dir().resolve("ca.pem").toString(),
                    "-verify_return_error", "-servername", "localhost", "-ign_eof", "-quiet")
                    .redirectErrorStream(true).start();
            p.getOutputStream().write(GET);
            p.getOutputStream().flush();
            // The loop serves on this thread until openssl, having read the page and our close_notify, exits.
            loop.runUntil(() -> !p.isAlive(), Duration.ofSeconds(15));
            p.getOutputStream().close();
            assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(out).contains("HTTP/1.0 200 ok").contains("Protocol  : TLS " + version);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "1.3"})
    void ourClientGetsOpensslsPage(String version) throws Exception {
        assumeTrue(Tools.has("openssl"), "openssl not installed");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var pki = TestPki.get();
        Process server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-www",
                "-cert", pki.dir().resolve("server.pem").toString(), "-key", pki.dir().resolve("server.key").toString(),
                "-tls" + version.replace('.', '_')).redirectErrorStream(true).start();
        try {
            TlsOptions options = new TlsOptions(List.of(TlsNames.version(version)), List.of(), List.of(), "localhost",
                    List.of(), true, false);
            Exchange exchange = null;
            // s_server needs a moment to bind: retry the connection a few times.
            for (int attempt = 0; attempt < 20 && (exchange == null || exchange.received().length == 0); attempt++) {
                Thread.sleep(100);
                exchange = new Exchange(GET, -1);
                try (NioLoop loop = new NioLoop(line -> { }, Duration.ofSeconds(5), Duration.ofSeconds(2))) {
                    Exchange e = exchange;
                    loop.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                            new ClientEndpoint(pki, options, KeyLogSink.none(), null, e, null));
                    loop.runUntil(e::done, Duration.ofSeconds(5));
                }
            }
            String page = new String(exchange.received(), StandardCharsets.UTF_8);
            assertThat(page).contains("HTTP/1.0 200 ok").contains(version.equals("1.3") ? "TLSv1.3" : "TLSv1.2");
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
