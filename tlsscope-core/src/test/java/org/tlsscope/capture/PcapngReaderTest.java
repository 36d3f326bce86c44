package org.tlsscope.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsscope.capture.CaptureFiles.readAll;
import static org.tlsscope.capture.CapturesTest.assertSameFrames;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsscope.bytes.Slice;
import org.tlsscope.testing.Corpus;
import org.tlsscope.testing.TsharkFields;

class PcapngReaderTest {
    /** Two Ethernet interfaces, nanosecond (if_tsresol 9) and microsecond timestamps, a Decryption Secrets Block. */
    private static final String TWO_INTERFACES = "ndpi/dtls.pcap";
    /** Ethernet and Linux cooked interfaces, snaplen 128. */
    private static final String MIXED_LINK_TYPES = "pcapplusplus/Pcap++Test/PcapExamples/pcapng-example.pcapng";
    private static final String WITH_SECRETS = "ja4/chrome-cloudflare-quic-with-secrets.pcapng";

    private static final int LINKTYPE_ETHERNET = 1;
    private static final int LINKTYPE_RAW = 101;
    private static final int LINKTYPE_LINUX_SLL = 113;

    @Test
    void readsSeveralInterfacesLikeTshark() throws IOException {
        Path file = Corpus.file(TWO_INTERFACES);
        List<List<String>> reference = TsharkFields.fields(file, "", "frame.number", "frame.time_epoch", "frame.cap_len",
                "frame.interface_id");

        try (CaptureReader reader = Captures.open(file)) {
            List<Frame> frames = readAll(reader);
            assertSameFrames(frames, reference);
            assertThat(frames).extracting(Frame::interfaceId)
                    .containsExactlyElementsOf(reference.stream().map(row -> Integer.parseInt(row.get(3))).toList());
            assertThat(frames).extracting(Frame::interfaceId).contains(0, 1);
            assertThat(reader.problem()).isEmpty();
        }
    }

    @Test
    void eachInterfaceHasItsOwnLinkType() throws IOException {
        Path file = Corpus.file(MIXED_LINK_TYPES);
        List<List<String>> reference = TsharkFields.fields(file, "", "frame.interface_id", "sll.pkttype", "frame.cap_len",
                "frame.len");

        List<Frame> frames;
        try (CaptureReader reader = Captures.open(file)) {
            frames = readAll(reader);
        }

        assertThat(frames).hasSameSizeAs(reference);
        for (int i = 0; i < frames.size(); i++) {
            List<String> row = reference.get(i);
            Frame frame = frames.get(i);
            assertThat(frame.interfaceId()).isEqualTo(Integer.parseInt(row.get(0)));
            assertThat(frame.linkType()).isEqualTo(row.get(1).isEmpty() ? LINKTYPE_ETHERNET : LINKTYPE_LINUX_SLL);
            assertThat(frame.data().length()).isEqualTo(Integer.parseInt(row.get(2)));
            assertThat(frame.originalLength()).isEqualTo(Integer.parseInt(row.get(3)));
        }
        assertThat(frames).anySatisfy(frame -> assertThat(frame.truncated()).isTrue());
    }

    @Test
    void keepsDecryptionSecretsBlocks() throws IOException {
        try (CaptureReader reader = Captures.open(Corpus.file(WITH_SECRETS))) {
            assertThat(readAll(reader)).hasSize(83);
            assertThat(reader.decryptionSecrets()).singleElement().satisfies(secrets -> {
                assertThat(secrets.secretsType()).isEqualTo(DecryptionSecrets.TLS_KEY_LOG);
                assertThat(secrets.data().length()).isEqualTo(1556);
                assertThat(new String(secrets.data().toArray(), StandardCharsets.US_ASCII))
                        .startsWith("CLIENT_HANDSHAKE_TRAFFIC_SECRET ");
            });
        }
    }

    @Test
    void readsSeveralSectionsLikeTshark(@TempDir Path dir) throws IOException {
        Path joined = dir.resolve("two-sections.pcapng");
        try (var out = Files.newOutputStream(joined)) {
            out.write(Files.readAllBytes(Corpus.file(TWO_INTERFACES)));
            out.write(Files.readAllBytes(Corpus.file(WITH_SECRETS)));
        }
        List<List<String>> reference = TsharkFields.fields(joined, "", "frame.number", "frame.time_epoch", "frame.cap_len",
                "frame.interface_id");

        try (CaptureReader reader = Captures.open(joined)) {
            List<Frame> frames = readAll(reader);
            assertSameFrames(frames, reference);
            assertThat(frames).extracting(Frame::interfaceId)
                    .containsExactlyElementsOf(reference.stream().map(row -> Integer.parseInt(row.get(3))).toList());
            // Each file brings one Decryption Secrets Block.
            assertThat(reader.decryptionSecrets()).extracting(secrets -> secrets.data().length())
                    .containsExactly(29776, 1556);
        }
    }

    @ParameterizedTest(name = "bigEndian={0}")
    @ValueSource(booleans = {true, false})
    void readsEveryPacketBlockKindAndTimestampOption(boolean bigEndian) throws IOException {
        PcapngBuilder capture = new PcapngBuilder().section(bigEndian);
        byte[] frame = new byte[100];
        Arrays.fill(frame, (byte) 0x45);
        capture.iface(LINKTYPE_ETHERNET, 64,
                        capture.option(9, new byte[] {(byte) 0x94}),
                        capture.option(14, capture.u64(1000)))
                .iface(LINKTYPE_RAW, 0, capture.option(9, new byte[] {3}))
                .block(0x0bad, new byte[] {1, 2, 3, 4})
                // if_tsresol 0x94: units of 2^-20 s, so 3.5 s, plus if_tsoffset 1000 s.
                .enhancedPacket(0, (3L << 20) + (1L << 19), Arrays.copyOf(frame, 64), 100)
                // if_tsresol 3: milliseconds.
                .obsoletePacket(1, 1_234, Arrays.copyOf(frame, 21))
                // No timestamp; cut to interface 0's snaplen of 64.
                .simplePacket(frame, 100)
                .decryptionSecrets(DecryptionSecrets.TLS_KEY_LOG, "CLIENT_RANDOM 00 11\n".getBytes(StandardCharsets.US_ASCII));

        try (CaptureReader reader = Captures.open(new ByteArrayInputStream(capture.bytes()))) {
            List<Frame> frames = readAll(reader);
            assertThat(reader.problem()).isEmpty();
            assertThat(frames).extracting(Frame::number).containsExactly(1L, 2L, 3L);
            assertThat(frames).extracting(Frame::interfaceId).containsExactly(0, 1, 0);
            assertThat(frames).extracting(Frame::linkType).containsExactly(LINKTYPE_ETHERNET, LINKTYPE_RAW, LINKTYPE_ETHERNET);
            assertThat(frames).extracting(Frame::timestampNanos).containsExactly(1_003_500_000_000L, 1_234_000_000L, 0L);
            assertThat(frames).extracting(f -> f.data().length()).containsExactly(64, 21, 64);
            assertThat(frames).extracting(Frame::originalLength).containsExactly(100, 21, 100);
            assertThat(reader.decryptionSecrets()).singleElement()
                    .satisfies(secrets -> assertThat(secrets.data().length()).isEqualTo(20));
        }
    }

    @Test
    void blockLongerThanTheBoundStopsTheReading() throws IOException {
        PcapngBuilder capture = new PcapngBuilder().section(false).iface(LINKTYPE_RAW, 0);
        byte[] bytes = Arrays.copyOf(capture.bytes(), capture.bytes().length + 8);
        int at = capture.bytes().length;
        CaptureFiles.put32(bytes, at, 6, false);
        CaptureFiles.put32(bytes, at + 4, 32L << 20, false);

        try (CaptureReader reader = Captures.open(new ByteArrayInputStream(bytes))) {
            assertThat(reader.next()).isNull();
            assertThat(reader.problem()).hasValueSatisfying(problem -> {
                assertThat(problem.fileOffset()).isEqualTo(at);
                assertThat(problem.message()).contains("impossible length of 33554432");
            });
        }
    }

    @Test
    void inconsistentTrailingLengthStopsTheReading() throws IOException {
        byte[] bytes = new PcapngBuilder().section(false).iface(LINKTYPE_RAW, 0)
                .enhancedPacket(0, 0, new byte[20], 20).enhancedPacket(0, 0, new byte[20], 20).bytes();
        int secondPacketEnd = bytes.length;
        CaptureFiles.put32(bytes, secondPacketEnd - 4, 44, false);

        try (CaptureReader reader = Captures.open(new ByteArrayInputStream(bytes))) {
            assertThat(readAll(reader)).hasSize(1);
            assertThat(reader.problem()).hasValueSatisfying(problem ->
                    assertThat(problem.message()).isEqualTo("block of type 0x6 ends with length 44, not the 52 it starts with"));
        }
    }

    @Test
    void packetOfAnUndescribedInterfaceStopsTheReading() throws IOException {
        byte[] bytes = new PcapngBuilder().section(false).iface(LINKTYPE_RAW, 0)
                .enhancedPacket(3, 0, new byte[20], 20).bytes();

        try (CaptureReader reader = Captures.open(new ByteArrayInputStream(bytes))) {
            assertThat(reader.next()).isNull();
            assertThat(reader.problem()).map(CaptureProblem::message)
                    .hasValue("packet block refers to interface 3 but its section describes 1");
        }
    }

    @Test
    void capturedLengthBeyondItsBlockStopsTheReading() throws IOException {
        byte[] bytes = new PcapngBuilder().section(false).iface(LINKTYPE_RAW, 0)
                .enhancedPacket(0, 0, new byte[20], 20).bytes();
        // The captured length field of the last (52-byte) block, at offset 20.
        CaptureFiles.put32(bytes, bytes.length - 52 + 20, 4000, false);

        try (CaptureReader reader = Captures.open(new ByteArrayInputStream(bytes))) {
            assertThat(reader.next()).isNull();
            assertThat(reader.problem()).hasValueSatisfying(problem ->
                    assertThat(problem.message()).startsWith("packet block of 52 bytes is too short"));
        }
    }

    @Test
    void truncatedFileKeepsEveryCompleteFrame() throws IOException {
        byte[] original = Files.readAllBytes(Corpus.file(TWO_INTERFACES));
        List<Frame> all = readAll(original);
        List<Integer> packetBlockEnds = new ArrayList<>();
        List<Integer> blockStarts = new ArrayList<>();
        Slice file = Slice.of(original);
        for (int at = 0; at < original.length; at += (int) file.u32le(at + 4)) {
            blockStarts.add(at);
            if (file.u32le(at) == 6) {
                packetBlockEnds.add(at + (int) file.u32le(at + 4));
            }
        }
        for (int cut : new int[] {30, packetBlockEnds.get(4) + 5, original.length - 2}) {
            int complete = (int) packetBlockEnds.stream().filter(end -> end <= cut).count();
            int brokenBlock = blockStarts.stream().filter(start -> start < cut).reduce((a, b) -> b).orElseThrow();

            try (CaptureReader reader = Captures.open(new ByteArrayInputStream(Arrays.copyOf(original, cut)))) {
                List<Frame> frames = readAll(reader);
                assertThat(frames).as("cut at %d", cut).hasSize(complete);
                for (int i = 0; i < complete; i++) {
                    assertThat(frames.get(i).data().contentEquals(all.get(i).data())).isTrue();
                }
                assertThat(reader.problem()).hasValueSatisfying(problem -> {
                    assertThat(problem.fileOffset()).isEqualTo(brokenBlock);
                    assertThat(problem.message()).startsWith("capture ends inside a block");
                });
            }
        }
    }
}
