package org.tlsscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsscope.cli.MainTest.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tlsscope.cli.MainTest.Result;

/** lab, serve and connect as a user runs them: on loopback, bounded. */
@Timeout(60)
class LabCommandsTest {
    @TempDir
    static Path dir;

    @Test
    void labReproducesThePostDecryptedWithAWarning() throws Exception {
        Result r = run("lab", "--out", dir.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("warning: TLS 1.0/1.1 are obsolete and insecure");
        assertThat(r.out()).contains("TLS 1.0  TLS_RSA_WITH_AES_256_CBC_SHA (0x0035)")
                .contains("new_session_ticket").contains("alert warning close_notify")
                .contains("decrypted with key log (CLIENT_RANDOM)")
                .contains("Finished: client verified, server verified");
        assertThat(Files.readString(dir.resolve("lab.keys"))).startsWith("CLIENT_RANDOM ");
        assertThat(dir.resolve("lab.pcap")).isNotEmptyFile();
        // The hellos carry the post's extensions: session_ticket alone from the client, so no extended master
        // secret and MAC-then-encrypt as in 2014; session_ticket and renegotiation_info from the server (in
        // Bouncy Castle's order, not OpenSSL's: compared as sets).
        String post = run("analyze").out();
        for (String hello : new String[] {"client_hello (", "server_hello ("}) {
            assertThat(extensions(r.out(), hello)).as(hello).isEqualTo(extensions(post, hello)).isNotEmpty();
        }
    }

    /** The extensions of the first line with {@code message}, as the text view lists them. */
    private static java.util.Set<String> extensions(String text, String message) {
        return text.lines().filter(l -> l.contains(message)).findFirst()
                .map(l -> java.util.Set.of(l.replaceAll(".*extensions: ([^)]*)\\).*", "$1").split(" ")))
                .orElse(java.util.Set.of());
    }

    @Test
    void labWithTls13() {
        Result r = run("lab", "--out", dir.toString(), "--tls", "1.3", "--cipher", "TLS_AES_256_GCM_SHA384");
        assertThat(r.code()).isZero();
        assertThat(r.err()).doesNotContain("insecure");
        assertThat(r.out()).contains("TLS 1.3  TLS_AES_256_GCM_SHA384").contains("encrypted_extensions")
                .contains("Finished: client verified, server verified");
    }

    @Test
    void unknownNamesAreUsageErrors() {
        assertThat(run("lab", "--out", dir.toString(), "--cipher", "TLS_NO_SUCH").code()).isEqualTo(ExitCode.USAGE);
        assertThat(run("lab", "--out", dir.toString(), "--tls", "2.0").err()).contains("unknown TLS version '2.0'");
    }

    @Test
    void overIpv6BothRecordingsAreIpv6AndDecrypted() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            assertThat(probe.getLocalPort()).isPositive();
        } catch (IOException e) {
            Assumptions.abort("no IPv6 loopback: " + e.getMessage());
        }
        try (Serving serve = new Serving(dir, "--bind", "::1", "--max-connections", "1", "--record",
                dir.resolve("serve6.pcap").toString(), "--keylog", dir.resolve("serve6.keys").toString())) {
            assertThat(serve.err()).startsWith("tlsscope: listening on [::1]:" + serve.port + " ");
            Serving.Connected connect = Serving.connect("[::1]:" + serve.port, "--send", "GET / HTTP/1.0\\r\\n\\r\\n", "--pki", dir.toString(),
                    "--record", dir.resolve("connect6.pcap").toString(), "--keylog", dir.resolve("connect6.keys").toString());
            assertThat(connect.code()).isZero();
            assertThat(serve.exit()).isZero();
            // The live analyses read the same IPv6 packets as the recordings.
            for (String live : new String[] {serve.out(), connect.out()}) {
                assertThat(live).containsPattern("connection 1: \\[::1\\]:\\d+ -> \\[::1\\]:" + serve.port + "  TLS 1.3")
                        .contains("Finished: client verified, server verified");
            }
        }
        for (String side : new String[] {"serve6", "connect6"}) {
            Result r = run("analyze", "--keylog", dir.resolve(side + ".keys").toString(), dir.resolve(side + ".pcap").toString());
            assertThat(r.code()).isZero();
            assertThat(r.out()).containsPattern("connection 1: \\[::1\\]:\\d+ -> \\[::1\\]:\\d+  TLS 1.3")
                    .contains("Finished: client verified, server verified");
        }
    }

    @Test
    void connectUpdatesKeysOnRequestAndServeAnswers() throws Exception {
        try (Serving serve = new Serving(dir, "--max-connections", "1")) {
            Serving.Connected connect = Serving.connect("127.0.0.1:" + serve.port, "--send", "ping\\n", "--key-update", "--wait", "1",
                    "--pki", dir.toString());
            assertThat(connect.code()).isZero();
            assertThat(connect.reply()).isEqualTo("ping\nping\n");
            assertThat(serve.exit()).isZero();
            // Both analyses read each side's KeyUpdate, and open the records after them with the next traffic secrets.
            for (String live : new String[] {serve.out(), connect.out()}) {
                assertThat(live).containsPattern("client handshake +22 bytes  key_update \\(update_requested\\)\n"
                                + "#1 +frame \\d+ +client application_data +22 bytes  1 record, 5 bytes decrypted\n")
                        .containsPattern("server handshake +22 bytes  key_update \\(update_not_requested\\)\n"
                                + "#1 +frame \\d+ +server application_data +22 bytes  1 record, 5 bytes decrypted\n")
                        .contains("13 records opened; Finished: client verified, server verified; plaintext: client 10 bytes, server 10 bytes");
            }
        }
    }

    @Test
    void connectAsALoadClientTalliesEveryConnectionAndServeAnalyzesThem() throws Exception {
        try (Serving serve = new Serving(dir, "--max-connections", "60")) {
            Serving.Connected load = Serving.connect("127.0.0.1:" + serve.port, "--count", "60", "--concurrency", "20", "--pki", dir.toString());
            assertThat(load.code()).isZero();
            // The tally alone: no analysis, no line per connection.
            assertThat(load.out()).matches("60 connections, 20 at a time: 60 handshakes in [0-9.]+ s \\(\\d+/s\\), 60 completed, 0 failed\n");
            assertThat(load.err()).isEmpty();
            assertThat(serve.exit()).isZero();
            assertThat(serve.err().lines().filter(l -> l.matches("#\\d+ closed"))).hasSize(60);
            assertThat(serve.out().lines().filter(l -> l.contains("Finished: client verified, server verified"))).hasSize(60);
        }
    }
}
