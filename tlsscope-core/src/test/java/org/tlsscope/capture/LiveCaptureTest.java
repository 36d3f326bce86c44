package org.tlsscope.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tlsscope.testing.Corpus;

/** A live capture (standard input, a capture tool's pipe): read as it arrives, the reader told when it is quiet. */
class LiveCaptureTest {
    private static final String CAPTURE = "ja4/ipv6.pcapng";

    @Test
    void readsTheSameFramesAsTheFileReaderAndNeverSaysQuietWhenBytesKeepComing() throws IOException {
        byte[] capture = Files.readAllBytes(Corpus.file(CAPTURE));
        List<Long> quiet = new CopyOnWriteArrayList<>();

        try (CaptureReader reader = Captures.openLive(CaptureFiles.trickle(capture, 7))) {
            reader.whileWaiting(quiet::add);
            List<Frame> frames = CaptureFiles.readAll(reader);
            assertThat(frames).extracting(Frame::number, Frame::timestampNanos).isEqualTo(
                    CaptureFiles.readAll(capture).stream().map(f -> tuple(f.number(), f.timestampNanos())).toList());
            assertThat(reader.format()).isEqualTo("pcap");
            assertThat(reader.problem()).isEmpty();
        }
        assertThat(quiet).isEmpty();
    }

    @Test
    @Timeout(30)
    void whileThePipeIsQuietTheReaderIsToldHowLongOnItsOwnThread() throws Exception {
        byte[] capture = Files.readAllBytes(Corpus.file(CAPTURE));
        int firstRecordEnd = 24 + 16 + (int) littleEndian32(capture, 24 + 8);
        PipedOutputStream pipe = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(pipe, capture.length);
        pipe.write(capture, 0, firstRecordEnd);
        pipe.flush();
        List<Long> quiet = new CopyOnWriteArrayList<>();
        List<Thread> on = new CopyOnWriteArrayList<>();

        try (CaptureReader reader = Captures.openLive(in)) {
            reader.whileWaiting(nanos -> {
                quiet.add(nanos);
                on.add(Thread.currentThread());
            });
            assertThat(reader.next().number()).isEqualTo(1);
            long waitFrom = System.nanoTime();
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    Thread.sleep(2500);
                    pipe.write(capture, firstRecordEnd, capture.length - firstRecordEnd);
                    pipe.close();
                } catch (InterruptedException | IOException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(reader.next().number()).isEqualTo(2);
            long waited = System.nanoTime() - waitFrom;
            assertThat(quiet).hasSizeBetween(1, 3).isSorted()
                    .allSatisfy(nanos -> assertThat(nanos).isBetween(900_000_000L, waited + 100_000_000L));
            assertThat(on).containsOnly(Thread.currentThread());
            assertThat(CaptureFiles.readAll(reader)).hasSize(7);
        }
    }

    @Test
    void aPipeThatFailsEndsTheCaptureAfterTheFramesBeforeTheFailure() throws IOException {
        byte[] capture = Files.readAllBytes(Corpus.file(CAPTURE));
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOf(capture, 200)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("pipe broken");
                    }
                });

        try (CaptureReader reader = Captures.openLive(failing)) {
            assertThat(reader.next().number()).as("a frame before the failure").isEqualTo(1);
            assertThatThrownBy(() -> CaptureFiles.readAll(reader)).isInstanceOf(IOException.class)
                    .hasMessage("pipe broken");
        }
    }

    @Test
    void aPipeThatIsNotACaptureIsSaidSoAsForAFile() {
        assertThatThrownBy(() -> Captures.openLive(new ByteArrayInputStream("GET / HTTP/1.1\r\n".getBytes())))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessageStartingWith("not a capture file: starts with 47 45 54 20");
    }

    private static long littleEndian32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }
}
