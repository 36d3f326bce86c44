package org.tlsscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tlsscope.cli.MainTest.run;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tlsscope.cli.MainTest.Result;

/** `tlsscope live` on the loopback interface: a TLS session between openssl peers, reported as it is captured. */
class LiveCommandTest {
    private static boolean canCapture() {
        return "root".equals(System.getProperty("user.name"))
                && (Files.isExecutable(Path.of("/usr/bin/dumpcap")) || Files.isExecutable(Path.of("/usr/bin/tcpdump")))
                && Files.isExecutable(Path.of("/usr/bin/openssl"));
    }

    @Test
    void anUnknownInterfaceIsOneLineAndExitCode2() {
        assumeTrue(canCapture(), "needs root, dumpcap or tcpdump, and openssl");
        Result r = run("live", "-i", "nosuchif0", "--duration", "5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("tlsscope: ").contains("nosuchif0").contains("no such interface")
                .doesNotContain("\n");
    }

    @Test
    void aLoopbackSessionIsReportedWhileTheCaptureRuns() throws Exception {
        assumeTrue(canCapture(), "needs root, dumpcap or tcpdump, and openssl");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path fixtures = Path.of("../tlsscope-core/src/test/resources/fixtures/openssl");
        Path key = fixtures.resolve("server-rsa.key").toAbsolutePath();
        Path cert = Files.createTempFile("server", ".crt");
        Process server = null;
        try {
            exec("openssl", "req", "-x509", "-key", key.toString(), "-subj", "/CN=live.test", "-days", "1", "-out", cert.toString());
            server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-naccept", "1", "-cert",
                    cert.toString(), "-key", key.toString(), "-quiet").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int p = port;
            CompletableFuture<Result> live = CompletableFuture.supplyAsync(
                    () -> run("live", "-i", "lo", "-f", "tcp port " + p, "--duration", "6"));
            Thread.sleep(2000); // the capture starts
            Process client = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-tls1_3")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            client.getOutputStream().write("hello\n".getBytes());
            client.getOutputStream().close();
            assertThat(client.waitFor(10, TimeUnit.SECONDS)).isTrue();
            Result r = live.get(20, TimeUnit.SECONDS);
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("#1 connection 1: 127.0.0.1:").contains("client_hello").contains("server_hello")
                    .contains("TLS 1.3");
        } finally {
            if (server != null) {
                server.destroy();
            }
            Files.deleteIfExists(cert);
        }
    }

    /**
     * Ctrl-C while a connection is still open: the capture tool stops, the connection is ended and printed,
     * and the JVM exits with 130 (128 + SIGINT) once the output is flushed. tlsscope runs in a JVM of its own
     * so that it can be signalled; both capture tools are tried when installed.
     */
    @Test
    void ctrlCPrintsTheOpenConnectionThenExits130() throws Exception {
        assumeTrue(canCapture(), "needs root, dumpcap or tcpdump, and openssl");
        for (String tool : new String[] {"dumpcap", "tcpdump"}) {
            if (Files.isExecutable(Path.of("/usr/bin", tool))) {
                ctrlC(tool);
            }
        }
    }

    private static void ctrlC(String tool) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path fixtures = Path.of("../tlsscope-core/src/test/resources/fixtures/openssl");
        Path key = fixtures.resolve("server-rsa.key").toAbsolutePath();
        Path cert = Files.createTempFile("server", ".crt");
        Path out = Files.createTempFile("live", ".out");
        List<Process> started = new ArrayList<>();
        try {
            exec("openssl", "req", "-x509", "-key", key.toString(), "-subj", "/CN=live.test", "-days", "1", "-out", cert.toString());
            Process live = start(started, new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "live", "-i", "lo", "--tool", tool, "-f", "tcp port " + port).redirectOutput(out.toFile()));
            Thread.sleep(3000); // the JVM starts, then the capture
            start(started, new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-naccept", "1",
                    "-cert", cert.toString(), "-key", key.toString(), "-quiet").redirectOutput(ProcessBuilder.Redirect.DISCARD));
            Thread.sleep(500);
            // The client sends a line and keeps its connection open: stdin stays open until the test ends.
            Process client = start(started, new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                    "-tls1_3", "-quiet").redirectOutput(ProcessBuilder.Redirect.DISCARD));
            client.getOutputStream().write("hello\n".getBytes());
            client.getOutputStream().flush();
            // Until the client's Finished is printed: in TLS 1.3 the server's encrypted handshake is application_data
            // too, and a Ctrl-C between it and the client's Finished would find the handshake still open.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.readString(out).contains("encrypted handshake message (finished)") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(Files.readString(out)).as(tool + ": records printed while the capture runs")
                    .contains("client_hello").doesNotContain("sni: ");
            assertThat(client.isAlive()).as("the TLS connection is still open").isTrue();

            exec("kill", "-INT", Long.toString(live.pid()));
            assertThat(live.waitFor(20, TimeUnit.SECONDS)).as(tool + ": exits after SIGINT").isTrue();
            assertThat(live.exitValue()).isEqualTo(130);
            String printed = Files.readString(out);
            assertThat(printed).as(tool + ": the open connection printed at Ctrl-C")
                    .containsPattern("connection 1: 127\\.0\\.0\\.1:\\d+ -> 127\\.0\\.0\\.1:" + port + "  TLS 1\\.3")
                    .contains("established: yes").containsPattern("\\d+ frames, 1 TCP connections, 1 with TLS");
        } finally {
            for (Process p : started) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
            }
            for (Process p : started) {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            Files.deleteIfExists(cert);
            Files.deleteIfExists(out);
        }
    }

    private static Process start(List<Process> started, ProcessBuilder builder) throws IOException {
        Process p = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        return p;
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }
}
