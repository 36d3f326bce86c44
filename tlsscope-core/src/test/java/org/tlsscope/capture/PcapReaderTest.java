package org.tlsscope.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsscope.capture.CaptureFiles.readAll;
import static org.tlsscope.capture.CapturesTest.assertSameFrames;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tlsscope.testing.Corpus;
import org.tlsscope.testing.TsharkFields;

class PcapReaderTest {
    private static final String ILLUSTRATED_TLS13 = "illustrated-tls13/captures/capture.pcap";

    @Test
    void readsMicrosecondLittleEndianLikeTshark() throws IOException {
        Path file = Corpus.file(ILLUSTRATED_TLS13);
        List<List<String>> reference = TsharkFields.fields(file, "", "frame.number", "frame.time_epoch", "frame.cap_len",
                "frame.len");

        try (CaptureReader reader = Captures.open(file)) {
            List<Frame> frames = readAll(reader);
            assertThat(reader.format()).isEqualTo("pcap");
            assertThat(reader.problem()).isEmpty();
            assertSameFrames(frames, reference);
            assertThat(frames).allSatisfy(frame -> {
                assertThat(frame.linkType()).isZero();
                assertThat(frame.interfaceId()).isZero();
            });
            assertThat(frames).extracting(Frame::originalLength)
                    .containsExactlyElementsOf(reference.stream().map(row -> Integer.parseInt(row.get(3))).toList());
        }
    }

    @ParameterizedTest(name = "bigEndian={0} nanoseconds={1}")
    @CsvSource({"true,false", "false,true", "true,true"})
    void readsTheOtherByteOrderAndPrecision(boolean bigEndian, boolean nanoseconds) throws IOException {
        byte[] original = Files.readAllBytes(Corpus.file(ILLUSTRATED_TLS13));
        List<Frame> expected = readAll(original);

        List<Frame> frames = readAll(CaptureFiles.rewritePcap(original, bigEndian, nanoseconds));

        assertThat(frames).hasSameSizeAs(expected);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(frames.get(i).timestampNanos()).isEqualTo(expected.get(i).timestampNanos());
            assertThat(frames.get(i).data().contentEquals(expected.get(i).data())).isTrue();
            assertThat(frames.get(i).linkType()).isEqualTo(expected.get(i).linkType());
        }
    }

    @Test
    void readsFromAPipeThatDeliversAFewBytesAtATime() throws IOException {
        byte[] original = Files.readAllBytes(Corpus.file("ndpi/KakaoTalk_chat.pcap"));
        List<Frame> expected = readAll(original);

        try (CaptureReader reader = Captures.open(CaptureFiles.trickle(original, 3))) {
            List<Frame> frames = readAll(reader);
            assertThat(frames).hasSize(347);
            for (int i = 0; i < frames.size(); i++) {
                assertThat(frames.get(i).data().contentEquals(expected.get(i).data())).isTrue();
                assertThat(frames.get(i).timestampNanos()).isEqualTo(expected.get(i).timestampNanos());
            }
        }
    }

    @Test
    void returnsAFrameAsSoonAsItsBytesHaveArrived() throws IOException {
        byte[] original = Files.readAllBytes(Corpus.file(ILLUSTRATED_TLS13));
        int firstRecordEnd = 24 + 16 + (int) org.tlsscope.bytes.Slice.of(original).u32le(24 + 8);
        // A live pipe: only the file header and the first record have been written so far.
        InputStream pipe = new ByteArrayInputStream(original) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                if (pos >= firstRecordEnd) {
                    throw new AssertionError("read past the bytes the capturing process has written");
                }
                return super.read(b, off, Math.min(len, firstRecordEnd - pos));
            }
        };

        try (CaptureReader reader = Captures.open(pipe)) {
            Frame first = reader.next();
            assertThat(first.number()).isEqualTo(1);
            assertThat(first.data().length()).isEqualTo(firstRecordEnd - 40);
        }
    }

    @Test
    void truncatedCaptureKeepsEveryCompleteFrame() throws IOException {
        byte[] original = Files.readAllBytes(Corpus.file(ILLUSTRATED_TLS13));
        List<Frame> all = readAll(original);
        int[] recordEnds = new int[all.size()];
        int end = 24;
        for (int i = 0; i < all.size(); i++) {
            end += 16 + all.get(i).data().length();
            recordEnds[i] = end;
        }
        // Inside the first record header, inside a record's data, one byte short of the end.
        for (int cut : new int[] {24 + 5, recordEnds[3] + 16 + 7, original.length - 1}) {
            int complete = (int) Arrays.stream(recordEnds).filter(recordEnd -> recordEnd <= cut).count();
            int partialRecord = complete == 0 ? 24 : recordEnds[complete - 1];

            try (CaptureReader reader = Captures.open(new ByteArrayInputStream(Arrays.copyOf(original, cut)))) {
                assertThat(readAll(reader)).as("cut at %d", cut).hasSize(complete);
                assertThat(reader.next()).isNull();
                assertThat(reader.problem()).hasValueSatisfying(problem -> {
                    assertThat(problem.fileOffset()).isEqualTo(partialRecord);
                    assertThat(problem.message()).startsWith("capture ends inside a packet record");
                });
            }
        }
    }

    @Test
    void cutAtARecordBoundaryIsACleanEnd() throws IOException {
        byte[] original = Files.readAllBytes(Corpus.file(ILLUSTRATED_TLS13));
        int firstRecordEnd = 24 + 16 + (int) org.tlsscope.bytes.Slice.of(original).u32le(24 + 8);

        try (CaptureReader reader = Captures.open(new ByteArrayInputStream(Arrays.copyOf(original, firstRecordEnd)))) {
            assertThat(readAll(reader)).hasSize(1);
            assertThat(reader.problem()).isEmpty();
        }
    }

    @Test
    void damagedRecordLengthStopsBeforeAnyAllocation() throws IOException {
        // suricata-verify bug 1450: six packets, then a record header claiming 4325376 bytes
        // (tcpdump: "invalid packet capture length 4325376, bigger than snaplen of 262144").
        try (CaptureReader reader = Captures.open(
                Corpus.file("suricata-verify/bug-1450-04/tls_DER-incomplete-header.pcap"))) {
            assertThat(readAll(reader)).hasSize(6);
            assertThat(reader.problem()).hasValueSatisfying(problem -> {
                assertThat(problem.message()).isEqualTo("File has 4325376-byte packet, bigger than maximum of 262144");
                assertThat(problem.fileOffset()).isEqualTo(5035);
            });
        }
    }
}
