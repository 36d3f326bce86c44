package org.tlsscope.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tlsscope.analysis.fingerprint.Fingerprinters;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.pipeline.Analyzer;

/**
 * A live input (`tcpdump -w - | tlsscope analyze -`): the first flight is printed as soon as its frames are
 * in, long before the stream ends.
 */
class StreamingTextViewTest {
    @Test
    void theFirstFlightIsPrintedBeforeTheStreamEnds() throws Exception {
        byte[] capture = Files.readAllBytes(Path.of("src/test/resources/fixtures/openssl/tls12-ecdhe-rsa-aes128-gcm-sni-alpn.pcap"));
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream pipe = new PipedInputStream(feed, 1 << 16);
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
            try (CaptureReader reader = Captures.open(pipe)) {
                Analyzer.run(reader, new TextView(out, Fingerprinters.NONE, true));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        // The pcap header and the first four frames (SYN, SYN/ACK, ACK, ClientHello): 24 + 4 records.
        int end = 24;
        for (int frame = 0; frame < 4; frame++) {
            int caplen = (capture[end + 8] & 0xff) | (capture[end + 9] & 0xff) << 8 | (capture[end + 10] & 0xff) << 16;
            end += 16 + caplen;
        }
        feed.write(capture, 0, end);
        feed.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!text.toString().contains("client_hello") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(text.toString()).contains("#1 connection 1: ").contains("#1  flight 1: client -> server")
                .contains("client_hello").doesNotContain("server_hello");
        feed.write(capture, end, capture.length - end);
        feed.close();
        run.get(10, TimeUnit.SECONDS);
        assertThat(text.toString()).contains("server_hello").contains("connection 1: 127.0.0.1:")
                .contains("application data: client");
    }
}
