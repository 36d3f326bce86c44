package org.tlsscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tlsscope.cli.MainTest.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsscope.cli.MainTest.Result;

/**
 * {@code tlsscope proxy} as a user runs it, on loopback: curl through it to openssl s_server, decrypted live
 * with the key log curl writes meanwhile; its recording read and decrypted by tshark; bad arguments.
 */
@Timeout(90)
class ProxyCommandTest {
    private static final Pattern LISTENING = Pattern.compile("proxy listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Path FIXTURES = Path.of("../tlsscope-core/src/test/resources/fixtures/openssl");

    @TempDir
    Path dir;

    /** A proxy run on its own thread: its exit code, and its output so far. */
    private record Running(CompletableFuture<Integer> code, StringWriter out, StringWriter err, int port) {
        Result result() throws Exception {
            return new Result(code.get(30, TimeUnit.SECONDS), out.toString(), err.toString());
        }
    }

    private static Running proxy(String... args) throws InterruptedException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(out, true),
                new PrintWriter(err, true), args));
        Matcher m = LISTENING.matcher("");
        for (int i = 0; i < 200 && !code.isDone() && !(m = LISTENING.matcher(err.toString())).find(); i++) {
            Thread.sleep(25);
        }
        assertThat(err.toString()).as("the proxy started").contains("proxy listening on");
        return new Running(code, out, err, Integer.parseInt(m.group(1)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Waits (bounded) until something listens on {@code port}. */
    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nothing listens on " + port);
    }

    private static String exec(Path cwd, List<String> command, String... env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        for (int i = 0; i < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command.getFirst() + " did not finish in 30 s");
        }
        String text = new String(output.join(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(command + ": " + text).isZero();
        return text;
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "1.3"})
    void curlThroughTheProxyIsDecryptedLiveRecordedAndReadByTshark(String version) throws Exception {
        assumeTrue(Installed.has("openssl") && Installed.has("curl") && Installed.has("tshark"), "needs openssl, curl and tshark");
        Path cert = dir.resolve("server.crt");
        Path key = FIXTURES.resolve("server-rsa.key").toAbsolutePath();
        exec(dir, List.of("openssl", "req", "-x509", "-key", key.toString(), "-subj", "/CN=localhost", "-days", "1",
                "-out", cert.toString()));
        int upstream = freePort();
        Process server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + upstream, "-www",
                "-cert", cert.toString(), "-key", key.toString(), "-tls" + version.replace('.', '_'))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitListening(upstream);
            Path keys = dir.resolve("curl.keys");
            Path pcap = dir.resolve("proxy.pcap");
            Running proxy = proxy("proxy", "--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:" + upstream,
                    "--record", pcap.toString(), "--keylog", keys.toString(), "--max-connections", "1");
            // curl writes its key log while the proxy relays its handshake: the proxy reads it as it grows.
            String page = exec(dir, List.of("curl", "-sS", "-k", "--max-time", "20", "--tlsv" + version, "--tls-max", version,
                    "--resolve", "localhost:" + proxy.port() + ":127.0.0.1", "https://localhost:" + proxy.port() + "/"),
                    "SSLKEYLOGFILE", keys.toString());
            assertThat(page).contains("s_server -accept").contains(version.equals("1.3") ? "TLSv1.3" : "TLSv1.2");

            Result r = proxy.result();
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("client_hello").contains("server_hello")
                    .containsPattern("client application_data .* decrypted: GET / HTTP/1\\.1")
                    .containsPattern("server application_data .* decrypted: HTTP/1\\.0 200 ok")
                    .contains("TLS " + version).contains("Finished: client verified, server verified");
            assertThat(r.err()).containsPattern("proxy 127\\.0\\.0\\.1:\\d+ closed: \\d+ bytes up, \\d+ down");

            // The recording: a capture tshark reads without complaint, and decrypts with curl's key log.
            String frames = exec(dir, List.of("tshark", "-r", pcap.toString()));
            assertThat(frames).contains("Client Hello").doesNotContain("cut short").doesNotContain("Malformed");
            String http = exec(dir, List.of("tshark", "-r", pcap.toString(), "-o", "tls.keylog_file:" + keys,
                    "-Y", "http.request", "-T", "fields", "-e", "http.request.method", "-e", "http.request.uri"));
            assertThat(http.lines().filter(l -> !l.startsWith("Running as"))).containsExactly("GET\t/");
            Result analyzed = run("analyze", "--keylog", keys.toString(), pcap.toString());
            assertThat(analyzed.code()).isZero();
            assertThat(analyzed.out()).contains("decrypted: GET / HTTP/1.1").contains("Finished: client verified, server verified");
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void stoppingFlushesTheViewAndTheRecordingOfConnectionsStillOpen() throws Exception {
        assumeTrue(Installed.has("tshark"), "needs tshark");
        Path pcap = dir.resolve("stopped.pcap");
        try (ServerSocket upstream = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // The proxy runs as its own process, stopped as Ctrl-C stops it: a signal, then its shutdown hook.
            Process proxy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "proxy", "--listen", "127.0.0.1:0",
                    "--upstream", "127.0.0.1:" + upstream.getLocalPort(), "--record", pcap.toString())
                    .redirectError(dir.resolve("err").toFile()).redirectOutput(dir.resolve("out").toFile()).start();
            try {
                Matcher m = LISTENING.matcher("");
                for (int i = 0; i < 200 && !(m = LISTENING.matcher(read(dir.resolve("err")))).find(); i++) {
                    Thread.sleep(50);
                }
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(m.group(1)));
                     Socket accepted = upstream.accept()) {
                    client.getOutputStream().write("hello upstream".getBytes(StandardCharsets.US_ASCII));
                    assertThat(accepted.getInputStream().readNBytes(14)).asString(StandardCharsets.US_ASCII).isEqualTo("hello upstream");
                    proxy.destroy();
                    assertThat(proxy.waitFor(20, TimeUnit.SECONDS)).isTrue();
                }
            } finally {
                proxy.destroyForcibly();
            }
        }
        assertThat(read(dir.resolve("err"))).containsPattern("proxy 127\\.0\\.0\\.1:\\d+ closed: the proxy is stopping; 14 bytes up, 0 down");
        assertThat(read(dir.resolve("out"))).contains("1 TCP connections");
        String data = exec(dir, List.of("tshark", "-r", pcap.toString(), "-T", "fields", "-e", "data.text", "-o", "data.show_as_text:TRUE"));
        assertThat(data).contains("hello upstream");
    }

    @Test
    void aRefusedUpstreamIsALineOnStandardErrorAndJsonStaysJson() throws Exception {
        int nothing = freePort();
        Running proxy = proxy("proxy", "--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:" + nothing, "--format", "json",
                "--max-connections", "1");
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            s.setSoTimeout(10_000);
            try {
                assertThat(s.getInputStream().read()).isEqualTo(-1);
            } catch (java.net.SocketException e) {
                assertThat(e.getMessage()).contains("reset");
            }
        }
        Result r = proxy.result();
        assertThat(r.code()).isZero();
        assertThat(r.err()).containsPattern("proxy 127\\.0\\.0\\.1:\\d+ closed: cannot connect to the upstream 127\\.0\\.0\\.1:"
                + nothing + " \\(Connection refused\\)");
        assertThat(r.out().lines()).allMatch(l -> l.startsWith("{"));
    }

    @Test
    void badAddressesAndABusyPortAreOneLineAndExitCode2() throws IOException {
        List<Result> results = new ArrayList<>();
        results.add(run("proxy", "--listen", "127.0.0.1", "--upstream", "127.0.0.1:443"));
        results.add(run("proxy", "--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:http"));
        results.add(run("proxy", "--listen", "127.0.0.1:0", "--upstream", "no-such-host.invalid:443"));
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            results.add(run("proxy", "--listen", "127.0.0.1:" + busy.getLocalPort(), "--upstream", "127.0.0.1:443"));
        }
        assertThat(results).allSatisfy(r -> {
            assertThat(r.code()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err().strip()).startsWith("tlsscope: ").doesNotContain("\n");
        });
        assertThat(results).extracting(r -> r.err().strip()).containsExactly(
                "tlsscope: --listen '127.0.0.1' is not HOST:PORT",
                "tlsscope: --upstream '127.0.0.1:http' is not HOST:PORT",
                "tlsscope: --upstream: cannot resolve 'no-such-host.invalid'",
                "tlsscope: cannot listen on 127.0.0.1:" + results.get(3).err().replaceAll("(?s).*127\\.0\\.0\\.1:(\\d+).*", "$1")
                        + ": the port is in use");
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p) : "";
    }
}
