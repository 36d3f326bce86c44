package org.tlsscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsscope.cli.MainTest.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsscope.cli.MainTest.Result;

/** --keylog, --rsa-key and follow as a user meets them: what is printed, and the exit codes. */
class DecryptCommandsTest {
    private static final Path FIXTURES = Path.of("../tlsscope-core/src/test/resources/fixtures/openssl");
    private static final String TLS10 = FIXTURES.resolve("tls10-rsa-aes256-sha-ticket.pcap").toString();
    private static final String TLS10_KEYS = FIXTURES.resolve("tls10-rsa-aes256-sha-ticket.keys").toString();
    private static final String TLS13 = FIXTURES.resolve("tls13-aes128-gcm.pcap").toString();
    private static final String TLS13_KEYS = FIXTURES.resolve("tls13-aes128-gcm.keys").toString();

    @TempDir
    Path tmp;

    @Test
    void aKeyLogDecryptsAndVerifies() {
        Result r = run("analyze", "--keylog", TLS13_KEYS, TLS13);
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("decrypted with key log (TLS 1.3 traffic secrets): 11 records opened;"
                + " Finished: client verified, server verified; plaintext: client 20 bytes, server 20 bytes")
                .contains("encrypted_extensions").contains("alert warning close_notify");
    }

    @Test
    void theServersRsaKeyAloneDecryptsThePostsKindOfSession() {
        Result r = run("analyze", "--rsa-key", FIXTURES.resolve("server-rsa.key").toString(), TLS10);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("decrypted with RSA private key").contains("Finished: client verified, server verified");
    }

    @Test
    void badKeyLogLinesAreWarningsWithTheirLineNumbers() throws IOException {
        Path keys = tmp.resolve("keys.log");
        Files.writeString(keys, Files.readString(Path.of(TLS10_KEYS)) + "CLIENT_RANDOM 1234 abcd\nNOT_A_LABEL x y\n");
        Result r = run("analyze", "--keylog", keys.toString(), TLS10);
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("keys.log line 4:").contains("keys.log line 5:");
        assertThat(r.out()).contains("decrypted with key log (CLIENT_RANDOM)");
    }

    @Test
    void aKeyLogForAnotherCaptureIsNamedAsSuch() {
        Result r = run("analyze", "--keylog", TLS13_KEYS, TLS10);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("not decrypted: no key for client random ");
        assertThat(r.err()).contains("none of the key log's 1 client randoms is in this capture");
    }

    @Test
    void aMissingKeyFileIsOneLineAndExitCode2() {
        Result r = run("analyze", "--keylog", tmp.resolve("nope.keys").toString(), TLS10);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("tlsscope: key log " + tmp.resolve("nope.keys") + " does not exist");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void jsonCarriesTheVerdict() {
        Result r = run("analyze", "-f", "json", "--keylog", TLS10_KEYS, TLS10);
        String connection = r.out().lines().filter(l -> l.contains("\"type\":\"connection\"")).findFirst().orElseThrow();
        assertThat(connection).contains("\"decrypted\":true").contains("\"decryption\":null")
                .contains("\"client_plaintext_bytes\":20").contains("\"client_finished\":\"verified\"");
    }

    @Test
    void followWritesBothDirectionsInOrder() {
        Followed f = follow("follow", "--keylog", TLS10_KEYS, "--connection", "1", TLS10);
        assertThat(f.result().code()).isZero();
        assertThat(f.bytes()).isEqualTo("=== client -> server (frame 10) ===\nhello from s_client\n\n"
                + "=== server -> client (frame 11) ===\ntneilc_s morf olleh\n");
    }

    @Test
    void followRawOneDirectionIsTheBytesExactly() {
        Followed f = follow("follow", "--keylog", TLS13_KEYS, "--connection", "1", "--direction", "server", "--as", "raw", TLS13);
        assertThat(f.bytes()).isEqualTo("tneilc_s morf olleh\n");
    }

    @Test
    void followSaysWhyWhenTheConnectionIsNotDecrypted() {
        Followed f = follow("follow", "--connection", "1", TLS10);
        assertThat(f.result().code()).isEqualTo(1);
        assertThat(f.result().err()).contains("connection 1: nothing to follow: no keys given");
        assertThat(run("follow", TLS10).code()).isEqualTo(2);
    }

    @Test
    void exportWritesEveryStream() throws IOException {
        Path dir = tmp.resolve("streams");
        Result r = run("follow", "--keylog", FIXTURES.resolve("tls12-resumption-ticket.keys").toString(), "--export", dir.toString(),
                FIXTURES.resolve("tls12-resumption-ticket.pcap").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("connection 2: server 20 bytes -> ");
        assertThat(Files.readString(dir.resolve("connection-1-client.bin"))).isEqualTo("hello from s_client\n");
        assertThat(Files.readString(dir.resolve("connection-2-server.bin"))).isEqualTo("tneilc_s morf olleh\n");
    }

    private record Followed(Result result, String bytes) {
    }

    /** Runs a follow command with standard output captured: raw bytes go there, not to the text writer. */
    private static Followed follow(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Result r = run(args);
            return new Followed(r, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void failOnTurnsFindingsIntoExitCode4() {
        assertThat(run("analyze", "--fail-on", "warning").code()).isEqualTo(4);
        assertThat(run("analyze", "--fail-on", "warning", TLS13).code()).isZero();
        String failure = FIXTURES.resolve("tls12-handshake-failure-no-shared-cipher.pcap").toString();
        assertThat(run("analyze", "--fail-on", "error", failure).code()).isEqualTo(4);
        assertThat(run("analyze", failure).code()).isZero();
        assertThat(run("analyze", "--fail-on", "sometimes").code()).isEqualTo(2);
    }
}
