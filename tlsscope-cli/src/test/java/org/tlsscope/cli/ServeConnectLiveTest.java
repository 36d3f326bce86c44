package org.tlsscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tlsscope.cli.MainTest.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsscope.cli.MainTest.Result;
import org.tlsscope.cli.Serving.Connected;

/**
 * serve and connect print the analysis of their own connections as they happen, decrypted with the secrets
 * they derive themselves (no key log file): the flights record by record, the handshake messages TLS 1.3
 * encrypts, the application data's plaintext, and each connection's summary with both Finished verified.
 */
@Timeout(90)
class ServeConnectLiveTest {
    private static final String GET = "GET / HTTP/1.0\\r\\n\\r\\n";

    @TempDir
    static Path pki;

    @TempDir
    Path dir;

    /** What the text view shows of a lab session (BC's default suites) that only its keys open. */
    private static List<String> decryptedLines(String version) {
        List<String> lines = new ArrayList<>(List.of("#1  flight 1: client -> server",
                version.equals("1.3") ? "client_hello (offers TLS 1.3" : "client_hello (TLS 1.2", "server_hello (", "decrypted: GET / HTTP/1.0", "decrypted: HTTP/1.0 200 ok", "alert warning close_notify",
                "Finished: client verified, server verified"));
        if (version.equals("1.3")) {
            lines.addAll(List.of("server handshake             23 bytes  encrypted_extensions", "certificate (2 certificates",
                    "certificate_verify (rsa_pss_rsae_sha256", "finished (32-byte verify_data)",
                    "decrypted with key log (TLS 1.3 traffic secrets): 9 records opened"));
        } else {
            lines.addAll(List.of("server_key_exchange (ECDHE", "client_key_exchange (ECDHE", "new_session_ticket (",
                    "finished (12-byte verify_data)",
                    "decrypted with key log (CLIENT_RANDOM): 6 records opened"));
        }
        return lines;
    }

    @ParameterizedTest
    @CsvSource({"1.2,false", "1.2,true", "1.3,false", "1.3,true"})
    void bothSidesPrintTheirConnectionDecryptedAsItHappens(String version, boolean record) throws Exception {
        List<String> serveFiles = record ? files("serve") : List.of();
        List<String> connectFiles = record ? files("connect") : List.of();
        List<String> serveArgs = new ArrayList<>(List.of("--tls", version, "--max-connections", "1"));
        serveArgs.addAll(serveFiles);
        Connected connect;
        String served;
        try (Serving serve = new Serving(pki, serveArgs.toArray(String[]::new))) {
            List<String> connectArgs = new ArrayList<>(List.of("127.0.0.1:" + serve.port, "--tls", version, "--send", GET,
                    "--pki", pki.toString()));
            connectArgs.addAll(connectFiles);
            connect = Serving.connect(connectArgs.toArray(String[]::new));
            assertThat(serve.exit()).isZero();

            served = serve.out();
            assertThat(served).contains(decryptedLines(version));
            assertThat(serve.err()).isEqualTo("tlsscope: listening on 127.0.0.1:" + serve.port + " (certificates in " + pki + ")\n"
                    + "#1 closed\n");
        }
        assertThat(connect.code()).isZero();
        assertThat(connect.err()).as("no line from the TLS engine: the analysis shows the handshake").isEmpty();
        assertThat(connect.reply()).startsWith("HTTP/1.0 200 ok").contains("Protocol  : TLS " + version);
        // On standard output the analysis, whole, then the reply.
        assertThat(connect.out()).endsWith("\n" + connect.reply());
        assertThat(connect.out().substring(0, connect.out().length() - connect.reply().length()))
                .contains(decryptedLines(version)).endsWith(" 1 TCP connections, 1 with TLS\n");

        if (record) {
            // The live view is the recording's analysis with the key log written, record for record, frame for frame.
            assertThat(recordLines(connect.out())).isEqualTo(recordLines(analyzed(connectFiles))).isNotEmpty();
            assertThat(recordLines(served)).isEqualTo(recordLines(analyzed(serveFiles)));
        }
    }

    /** --record and --keylog files for {@code side}. */
    private List<String> files(String side) {
        return List.of("--record", dir.resolve(side + ".pcap").toString(), "--keylog", dir.resolve(side + ".keys").toString());
    }

    /** {@code analyze --keylog KEYS PCAP}'s output for the files of {@link #files}. */
    private static String analyzed(List<String> files) {
        Result r = run("analyze", "--keylog", files.get(3), files.get(1));
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Finished: client verified, server verified");
        return r.out();
    }

    /** The flight and record lines of a text view, without the streamed view's connection prefix. */
    private static List<String> recordLines(String text) {
        return text.lines().map(l -> l.replaceFirst("^#1 ", " ")).filter(l -> l.matches("(  flight|    frame) .*")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "1.3"})
    void opensslSClientAgainstServeIsDecryptedInServesOutput(String version) throws Exception {
        assumeTrue(Installed.has("openssl"), "needs openssl");
        try (Serving serve = new Serving(pki, "--max-connections", "1")) {
            Process client = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + serve.port,
                    "-tls" + version.replace('.', '_'), "-quiet", "-ign_eof").redirectErrorStream(true).start();
            client.getOutputStream().write("GET /openssl HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            CompletableFuture<String> page = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(page.get(5, TimeUnit.SECONDS)).contains("HTTP/1.0 200 ok").contains("Protocol  : TLS " + version);
            assertThat(serve.exit()).isZero();
            assertThat(serve.out()).containsPattern("client application_data .* decrypted: GET /openssl HTTP/1\\.0")
                    .containsPattern("server application_data .* decrypted: HTTP/1\\.0 200 ok")
                    .contains("TLS " + version + "  TLS_")
                    .contains(version.equals("1.3") ? "encrypted_extensions" : "client_key_exchange")
                    .contains("Finished: client verified, server verified");
        }
    }

    @Test
    void jsonAndSummaryStayMachineReadableTheReplyAfterThem() throws Exception {
        Connected connect;
        try (Serving serve = new Serving(pki, "--max-connections", "1", "--format", "json")) {
            connect = Serving.connect("127.0.0.1:" + serve.port, "--send", GET, "--format", "summary", "--pki", pki.toString());
            assertThat(serve.exit()).isZero();
            assertThat(serve.out().lines()).isNotEmpty().allMatch(l -> l.startsWith("{\"type\":\"") && l.endsWith("}"));
            assertThat(serve.out().lines().filter(l -> l.startsWith("{\"type\":\"connection\"")).toList()).singleElement()
                    .asString().contains("\"decrypted\":true").contains("\"decryption\":null")
                    .contains("\"client_finished\":\"verified\",\"server_finished\":\"verified\"");
        }
        assertThat(connect.code()).isZero();
        List<String> rows = connect.out().substring(0, connect.out().length() - connect.reply().length()).lines().toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst()).startsWith("ts\tconn\tclient\tserver\tversion\tcipher");
        assertThat(rows.get(1)).contains("\t1\t127.0.0.1:").contains("\tTLS 1.3\tTLS_");
        assertThat(connect.reply()).startsWith("HTTP/1.0 200 ok");
    }

    @Test
    void aBusyPortAnUnwritableRecordingAndFormatWithCountAreOneLineAndExitCode2() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result r = run("serve", "--port", "" + busy.getLocalPort(), "--pki", pki.toString());
            assertThat(r.code()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).isEqualTo("tlsscope: cannot listen on 127.0.0.1:" + busy.getLocalPort() + ": the port is in use\n");
        }
        Path nowhere = dir.resolve("no-such-dir").resolve("s.pcap");
        Result r = run("serve", "--port", "0", "--pki", pki.toString(), "--record", nowhere.toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("tlsscope: cannot write " + nowhere + ": no such directory\n");
        Connected c = Serving.connect("127.0.0.1:4433", "--keylog", nowhere.toString(), "--pki", pki.toString());
        assertThat(c.code()).isEqualTo(ExitCode.USAGE);
        assertThat(c.err()).isEqualTo("tlsscope: cannot write " + nowhere + ": no such directory\n");
        assertThat(run("serve", "--mss", "0", "--pki", pki.toString()).err()).isEqualTo("tlsscope: --mss must be 1..65495\n");
        c = Serving.connect("127.0.0.1:4433", "--count", "2", "--format", "json", "--pki", pki.toString());
        assertThat(c.code()).isEqualTo(ExitCode.USAGE);
        assertThat(c.err()).startsWith("tlsscope: --format shows one connection's analysis;");
    }

    /**
     * Ctrl-C while a connection is open: serve ends it (a line on stderr), and its analysis prints the connection,
     * decrypted, before the JVM exits. serve runs in a JVM of its own so that it can be signalled.
     */
    @Test
    void stoppingServePrintsTheConnectionsStillOpen() throws Exception {
        Serving.Process serve = Serving.process(dir, List.of(), pki);
        CompletableFuture<Connected> connect;
        try {
            // An echo, then the connection stays open for the --wait. The client's record is printed once the
            // server's echo ends its run of application data.
            connect = CompletableFuture.supplyAsync(() -> Serving.connect("127.0.0.1:" + serve.port(), "--send", "ping\\n",
                    "--wait", "30", "--pki", pki.toString()));
            for (int i = 0; i < 400 && !serve.out().contains("client application_data"); i++) {
                Thread.sleep(50);
            }
            assertThat(serve.out()).contains("client application_data      22 bytes  1 record, 5 bytes decrypted")
                    .doesNotContain("Finished: client verified");
            serve.process().destroy();
            assertThat(serve.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            serve.process().destroyForcibly();
        }
        assertThat(serve.err()).contains("#1 closed: shutting down");
        assertThat(serve.out()).contains("decrypted with key log (TLS 1.3 traffic secrets)")
                .contains("Finished: client verified, server verified").contains("1 TCP connections, 1 with TLS");
        Connected c = connect.get(30, TimeUnit.SECONDS);
        assertThat(c.reply()).isEqualTo("ping\n");
        assertThat(c.code()).isEqualTo(ExitCode.CONNECTION);
    }
}
