package org.tlsscope.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tlsscope.capture.CaptureFiles.readAll;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsscope.testing.Corpus;
import org.tlsscope.testing.TsharkFields;

class CapturesTest {
    @Test
    void htmlIsNotACapture(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("index.pcap");
        Files.writeString(page, "<html><body>404</body></html>", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> Captures.open(page))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessage("not a capture file: starts with 3c 68 74 6d (expected pcap, pcapng or gzip)");
    }

    @Test
    void emptyInputIsNotACapture() {
        assertThatThrownBy(() -> Captures.open(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessage("not a capture file: it is empty (expected pcap, pcapng or gzip)");
    }

    @Test
    void gzipOfSomethingElseIsNotACapture() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write("hello".getBytes(StandardCharsets.US_ASCII));
        }

        assertThatThrownBy(() -> Captures.open(new ByteArrayInputStream(compressed.toByteArray())))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessage("not a capture file: decompresses to bytes starting with 68 65 6c 6c "
                        + "(expected pcap, pcapng or gzip)");
    }

    @Test
    void pcapHeaderCutShortIsNotReadable() {
        byte[] magicOnly = {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0};

        assertThatThrownBy(() -> Captures.open(new ByteArrayInputStream(magicOnly)))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessage("pcap file header cut short: 6 of 24 bytes");
    }

    @Test
    void gzipCaptureIsDecompressedOnTheFly() throws IOException {
        Path file = Corpus.file("scapy/test/pcaps/tls_tcp_frag.pcap.gz");
        List<List<String>> reference = TsharkFields.fields(file, "", "frame.number", "frame.time_epoch", "frame.cap_len");

        try (CaptureReader reader = Captures.open(file)) {
            assertThat(reader.format()).isEqualTo("pcap+gzip");
            assertSameFrames(readAll(reader), reference);
            assertThat(reader.problem()).isEmpty();
        }
    }

    @Test
    void nameDoesNotDecideTheFormat() throws IOException {
        // ja4/ipv6.pcapng is a classic pcap despite its name (magic d4 c3 b2 a1).
        try (CaptureReader reader = Captures.open(Corpus.file("ja4/ipv6.pcapng"))) {
            assertThat(reader.format()).isEqualTo("pcap");
            assertThat(readAll(reader)).hasSize(9);
        }
    }

    @Test
    void gzipCutShortKeepsEveryCompleteFrame() throws IOException {
        byte[] compressed = Files.readAllBytes(Corpus.file("scapy/test/pcaps/tls_tcp_frag.pcap.gz"));
        int allFrames = readAll(compressed).size();

        try (CaptureReader reader = Captures.open(
                new ByteArrayInputStream(java.util.Arrays.copyOf(compressed, compressed.length / 2)))) {
            assertThat(readAll(reader).size()).isPositive().isLessThan(allFrames);
            assertThat(reader.problem()).hasValueSatisfying(problem ->
                    assertThat(problem.message()).startsWith("capture ends inside a packet record"));
        }
    }

    @Test
    void pcapngIsRecognised() throws IOException {
        // capinfos -c: 159 packets
        try (CaptureReader reader = Captures.open(
                Corpus.file("pcapplusplus/Pcap++Test/PcapExamples/pcapng-example.pcapng"))) {
            assertThat(reader.format()).isEqualTo("pcapng");
            assertThat(readAll(reader)).hasSize(159);
        }
    }

    /** Frame numbers, capture times to the nanosecond and captured lengths, as tshark reports them. */
    static void assertSameFrames(List<Frame> frames, List<List<String>> tshark) {
        assertThat(frames).hasSameSizeAs(tshark);
        for (int i = 0; i < frames.size(); i++) {
            Frame frame = frames.get(i);
            List<String> row = tshark.get(i);
            assertThat(frame.number()).isEqualTo(Long.parseLong(row.get(0)));
            assertThat(frame.timestampNanos()).as("frame %d time", frame.number()).isEqualTo(epochNanos(row.get(1)));
            assertThat(frame.data().length()).isEqualTo(Integer.parseInt(row.get(2)));
        }
    }

    /** tshark's frame.time_epoch ("1427795070.123456000") in nanoseconds. */
    static long epochNanos(String epoch) {
        int dot = epoch.indexOf('.');
        String fraction = (epoch.substring(dot + 1) + "000000000").substring(0, 9);
        return Long.parseLong(epoch.substring(0, dot)) * 1_000_000_000L + Long.parseLong(fraction);
    }
}
