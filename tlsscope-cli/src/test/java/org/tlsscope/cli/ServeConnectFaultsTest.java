package org.tlsscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tlsscope.cli.Serving.Connected;
import org.tlsscope.testing.FaultyServer;

/**
 * serve and connect against faulty peers, as a user sees them: one line per fault, a documented exit
 * code, no stack trace; serve goes on serving the other connections. The faulty peers are plain sockets.
 */
@Timeout(90)
class ServeConnectFaultsTest {
    /** A ClientHello's first bytes (a handshake record of TLS 1.0 framing, 200 bytes long): then nothing more. */
    private static final byte[] PARTIAL_HELLO = {22, 3, 1, 0, (byte) 200, 1, 0, 0, (byte) 196, 3, 3};

    @TempDir
    static Path dir;

    @Test
    void serveEndsEachFaultyConnectionWithOneLineAndServesTheRest() throws Exception {
        try (Serving serve = new Serving(dir, "--timeout", "8", "--max-connections", "5")) {
            Socket silent = raw(serve.port);
            Socket http = raw(serve.port);
            http.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            serve.awaitLine("#2 closed: not TLS: the first bytes are 'GET / HTTP/1.1\\r\\n'");
            Socket resets = raw(serve.port);
            resets.getOutputStream().write(PARTIAL_HELLO);
            resets.setSoLinger(true, 0);
            resets.close();
            serve.awaitLine("#3 closed: client reset the connection during the handshake");
            Socket partial = raw(serve.port);
            partial.getOutputStream().write(PARTIAL_HELLO);

            Connected good = Serving.connect("127.0.0.1:" + serve.port, "--send", "GET / HTTP/1.0\\r\\n\\r\\n", "--pki", dir.toString());
            assertThat(good.code()).isZero();
            assertThat(good.reply()).startsWith("HTTP/1.0 200 ok");
            serve.awaitLine("#5 closed");
            // The silent and the partial connections are still waiting while the good one was served.
            assertThat(serve.err()).doesNotContain("#1 closed").doesNotContain("#4 closed");

            serve.awaitLine("#1 closed: no ClientHello within 8 s");
            serve.awaitLine("#4 closed: handshake not complete after 8 s");
            assertThat(serve.exit()).isZero();
            silent.close();
            partial.close();
        }
    }

    @Test
    void serveOutputHasOneEndLinePerConnectionAndNoTrace() throws Exception {
        try (Serving serve = new Serving(dir, "--timeout", "1", "--max-connections", "3")) {
            try (Socket noise = raw(serve.port); Socket few = raw(serve.port); Socket silent = raw(serve.port)) {
                noise.getOutputStream().write(new byte[] {(byte) 0x80, 0x2e, 0x01, 0x03, 0x01, 0x00, 0x15});
                few.getOutputStream().write(new byte[] {22, 3});
                assertThat(serve.exit()).isZero();
            }
            assertThat(serve.err().lines().filter(l -> l.matches("#\\d closed.*")).toList()).containsExactlyInAnyOrder(
                    "#1 closed: not TLS: the first bytes are 80 2e 01 03 01 00 15",
                    "#2 closed: handshake not complete after 1 s",
                    "#3 closed: no ClientHello within 1 s");
            assertThat(serve.out() + serve.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void aHelloServeRejectsEndsWithTheAlertItSentWhichItsAnalysisShows() throws Exception {
        assumeTrue(Installed.has("openssl"), "needs openssl");
        try (Serving serve = new Serving(dir, "--tls", "1.2", "--cipher", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "--max-connections", "2")) {
            Process client = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + serve.port, "-tls1_2",
                    "-cipher", "AES256-SHA").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            client.getOutputStream().close();
            assertThat(client.waitFor(20, TimeUnit.SECONDS)).isTrue();
            serve.awaitLine("#1 closed: handshake failed: handshake_failure (No selectable cipher suite)");
            // Before a readable ClientHello BC sends no alert at all, and the line says so.
            try (Socket tlsLooking = raw(serve.port)) {
                tlsLooking.getOutputStream().write(new byte[] {22, 3, 1, 0, 5, 1, 0, 0, 1, 0});
                serve.awaitLine("#2 closed: handshake failed: decode_error; the alert was not sent");
            }
            assertThat(serve.exit()).isZero();
            assertThat(serve.out()).contains("#1    frame 5       server alert                  2 bytes  alert fatal handshake_failure");
            assertThat(serve.out()).containsPattern("connection 2: .*\n(.*\n)*  application data: client 0 bytes, server 0 bytes")
                    .doesNotContainPattern("#2 .* server alert");
        }
    }

    /**
     * serve in a 24 MB heap, and more clients at once than that holds (each open connection costs Bouncy Castle's
     * state and its analysis's): serve stops accepting with one line instead of running out of memory, the
     * connections it took are served, the others time out in the backlog, and once the load has gone it accepts
     * again. serve runs in a JVM of its own, for its own heap.
     */
    @Test
    void aServeWhoseHeapIsNearlyFullStopsAcceptingWithOneLineAndNoTrace() throws Exception {
        Serving.Process serve = Serving.process(dir, List.of("-Xmx24m"), dir);
        try {
            // Each client holds its connection open for --wait after its echo: they pile up in serve.
            Connected load = Serving.connect("127.0.0.1:" + serve.port(), "--count", "500", "--concurrency", "500",
                    "--send", "ping\\n", "--wait", "15", "--timeout", "5", "--pki", dir.toString());
            assertThat(load.out()).containsPattern(" [1-9]\\d* completed, [1-9]\\d* failed: [1-9]\\d* no ServerHello within 5 s\n");
            Connected after = Serving.connect("127.0.0.1:" + serve.port(), "--send", "GET / HTTP/1.0\\r\\n\\r\\n", "--pki", dir.toString());
            assertThat(after.code()).isZero();
            assertThat(after.out()).contains("Finished: client verified, server verified");
        } finally {
            serve.process().destroy();
            assertThat(serve.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(serve.err().lines().filter(l -> l.startsWith("not accepting")).toList()).singleElement().asString()
                .matches("not accepting new connections while the heap is nearly full \\(\\d+ of \\d+ MB live, \\d+ connections"
                        + " handshaking\\): they wait in the backlog until open ones end \\(said once\\)");
        assertThat(serve.out() + serve.err()).doesNotContain("OutOfMemoryError").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void connectSaysWhatTheServerDidInOneLine() throws Exception {
        assertOneLine(against(s -> {
            s.getInputStream().readNBytes(5);
            s.setSoLinger(true, 0);
            s.close();
        }), "tlsscope: connection ended: server reset the connection during the handshake");
        assertOneLine(against(s -> s.getInputStream().readNBytes(5)), "tlsscope: connection ended: no ServerHello within 1 s");
        assertOneLine(against(s -> {
            s.getInputStream().readNBytes(5);
            s.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
        }), "tlsscope: connection ended: not TLS: the first bytes are 'SSH-2.0-OpenSSH_'");

        int closedPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = free.getLocalPort();
        }
        assertOneLine(Serving.connect("127.0.0.1:" + closedPort, "--pki", dir.toString()),
                "tlsscope: connection ended: cannot connect: Connection refused");
        Connected unresolved = Serving.connect("no-such-host.invalid:443", "--pki", dir.toString());
        assertThat(unresolved.code()).isEqualTo(ExitCode.CONNECTION);
        assertThat(unresolved.err()).isEqualTo("tlsscope: cannot resolve 'no-such-host.invalid'\n");
    }

    @Test
    void badLoadOptionsAreUsageErrors() {
        Connected r = Serving.connect("127.0.0.1:4433", "--count", "10", "--concurrency", "100000000", "--pki", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("tlsscope: --concurrency 100000000 needs as many sockets, but the file descriptor limit is ");
        assertThat(Serving.connect("127.0.0.1:4433", "--key-update", "--pki", dir.toString()).code()).isEqualTo(ExitCode.USAGE);
    }

    /** connect (with a 1 s timeout) against a one-connection server that does {@code fault}. */
    private static Connected against(FaultyServer.Fault fault) throws Exception {
        return FaultyServer.against(fault, server -> Serving.connect("127.0.0.1:" + server.getPort(), "--timeout", "1",
                "--send", "hello", "--pki", dir.toString()));
    }

    /** The connection failed (exit code 5) and stderr ends with {@code line}, after the handshake's own lines. */
    private static void assertOneLine(Connected r, String line) {
        assertThat(r.code()).isEqualTo(ExitCode.CONNECTION);
        assertThat(r.err().lines().filter(l -> l.startsWith("tlsscope:")).toList()).containsExactly(line);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static Socket raw(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(10_000);
        return s;
    }
}
