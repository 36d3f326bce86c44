package org.tlsscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsscope.cli.MainTest.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tlsscope.cli.MainTest.Result;
import picocli.CommandLine;

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
    void connectToServeRecordsBothSides() throws Exception {
        Path serverPcap = dir.resolve("serve.pcap");
        StringWriter serveOut = new StringWriter();
        CompletableFuture<Integer> server = CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(serveOut, true),
                new PrintWriter(new StringWriter(), true), "serve", "--port", "0", "--pki", dir.toString(),
                "--max-connections", "1", "--record", serverPcap.toString(), "--keylog", dir.resolve("serve.keys").toString()));
        Pattern listening = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
        Matcher m = listening.matcher("");
        for (int i = 0; i < 100 && !(m = listening.matcher(serveOut.toString())).find(); i++) {
            Thread.sleep(50);
        }
        assertThat(serveOut.toString()).contains("listening on");

        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        ConnectCommand connect = new ConnectCommand();
        connect.replyOut = reply;
        CommandLine cli = new CommandLine(connect);
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("127.0.0.1:" + m.group(1), "--sni", "localhost", "--send", "GET / HTTP/1.0\\r\\n\\r\\n",
                "--pki", dir.toString(), "--record", dir.resolve("connect.pcap").toString(),
                "--keylog", dir.resolve("connect.keys").toString());
        assertThat(code).isZero();
        assertThat(reply.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.0 200 ok");
        assertThat(err.toString()).contains("handshake complete: TLS 1.3");
        assertThat(server.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(serveOut.toString()).contains("#1 handshake complete: TLS 1.3").contains("#1 closed");

        // Each side's recording, with its own key log, is the same session, decrypted.
        for (String side : new String[] {"serve", "connect"}) {
            Result r = run("analyze", "--keylog", dir.resolve(side + ".keys").toString(), dir.resolve(side + ".pcap").toString());
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Finished: client verified, server verified");
        }
    }
}
