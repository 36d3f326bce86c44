package org.tlsscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: outputs, one-line errors, and the documented exit codes. */
class MainTest {
    private static final Path SAMPLE = Path.of("../samples/post-session.pcap");

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void withNoCaptureItAnalyzesThePostsSession() {
        Result r = run("analyze");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("connection 1: 127.0.0.1:60454 -> 127.0.0.1:443  TLS 1.0  TLS_RSA_WITH_AES_256_CBC_SHA (0x0035)")
                .contains("flight 1: client -> server").contains("flight 4: server -> client")
                .contains("client_hello (TLS 1.0, 23 cipher suites, extensions: session_ticket)");
    }

    @Test
    void everyFormatRunsOnTheSample() {
        assertThat(run("analyze", "-f", "explain", "--layers").out()).contains("Family: IP").contains("0000  02 00 00 00")
                .contains("cipher_suites_length: 46 bytes, 23 suites");
        Result json = run("analyze", "--format", "json", SAMPLE.toString());
        assertThat(json.code()).isZero();
        assertThat(json.out().lines()).allMatch(l -> l.startsWith("{\"type\":\"")).last().asString()
                .contains("\"type\":\"connection\"").contains("\"cipher_suite_id\":53");
        assertThat(run("analyze", "-f", "summary").out()).contains("TLS_RSA_WITH_AES_256_CBC_SHA");
        assertThat(run("analyze", "-f", "summary", "--tsv").out().lines().findFirst().orElseThrow())
                .startsWith("ts\tconn\tclient");
    }

    @Test
    void filtersNarrowTheOutput() {
        assertThat(run("analyze", "--connection", "2").out()).doesNotContain("connection 1:");
        assertThat(run("analyze", "--server", "127.0.0.1:443").out()).contains("connection 1:");
        assertThat(run("analyze", "--server", "127.0.0.1:8443").out()).doesNotContain("connection 1:");
        assertThat(run("analyze", "--sni", "example.com").out()).doesNotContain("connection 1:");
    }

    @Test
    void aFileThatIsNotACaptureIsOneLineAndExitCode2() throws IOException {
        Path html = Files.writeString(tmp.resolve("page.html"), "<html><body>hello</body></html>");
        Result r = run("analyze", html.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().startsWith("tlsscope: " + html + ": not a capture file");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void randomBytesEmptyFilesMissingFilesAndDirectoriesAreExitCode2() throws IOException {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[0] = 0x42;
        for (Path p : new Path[] {Files.write(tmp.resolve("noise"), noise), Files.write(tmp.resolve("empty"), new byte[0]),
                tmp.resolve("missing.pcap"), tmp}) {
            Result r = run("analyze", p.toString());
            assertThat(r.code()).as(p.toString()).isEqualTo(2);
            assertThat(r.err().lines()).as(p.toString()).hasSize(1);
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void aTruncatedCaptureIsAnalyzedUpToTheCutThenExitCode3() throws IOException {
        byte[] full = Files.readAllBytes(SAMPLE);
        // Cut in the middle of the packet that carries flight 3: flights 1 and 2 remain.
        Path cut = Files.write(tmp.resolve("cut.pcap"), java.util.Arrays.copyOf(full, 1200));
        Result r = run("analyze", cut.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("client_hello").contains("server_hello");
        assertThat(r.err()).startsWith("tlsscope: warning: " + cut + ": capture ends early").contains("file offset");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void usageErrorsAreExitCode2() {
        assertThat(run("analyze", "--format", "xml").code()).isEqualTo(2);
        assertThat(run("frobnicate").code()).isEqualTo(2);
        assertThat(run("--help").code()).isZero();
    }
}
