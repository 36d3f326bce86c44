package org.tlsscope.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Opens a capture by its first bytes, whatever the file name says: pcap (either byte order,
 * microsecond or nanosecond timestamps), pcapng, or either of them gzip-compressed (the ".pcap.gz"
 * that tcpdump -z and many test suites produce), decompressed on the fly.
 */
public final class Captures {
    private static final int GZIP_BUFFER = 1 << 16;
    private static final String EXPECTED = "(expected pcap, pcapng or gzip)";

    private Captures() {
    }

    public static CaptureReader open(Path path) throws IOException {
        InputStream in = Files.newInputStream(path);
        try {
            return open(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Reads {@code in} incrementally (standard input, a pipe from tcpdump); closing the reader closes it. */
    public static CaptureReader open(InputStream in) throws IOException {
        return open(in, "");
    }

    /**
     * Reads a live source (standard input, a capture tool's pipe) as it arrives, as {@link #open(InputStream)}
     * does, and tells the analysis how long the source has been quiet while it waits
     * ({@link CaptureReader#whileWaiting}).
     */
    public static CaptureReader openLive(InputStream in) throws IOException {
        LiveStream live = new LiveStream(in);
        CaptureReader reader;
        try {
            reader = open(live);
        } catch (IOException | RuntimeException e) {
            live.close();
            throw e;
        }
        return new CaptureReader() {
            @Override
            public Frame next() throws IOException {
                return reader.next();
            }

            @Override
            public String format() {
                return reader.format();
            }

            @Override
            public Optional<CaptureProblem> problem() {
                return reader.problem();
            }

            @Override
            public List<DecryptionSecrets> decryptionSecrets() {
                return reader.decryptionSecrets();
            }

            @Override
            public void whileWaiting(LongConsumer quiet) {
                live.whileWaiting(quiet);
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    private static CaptureReader open(InputStream in, String compression) throws IOException {
        PushbackInputStream source = new PushbackInputStream(in, 4);
        byte[] magic = source.readNBytes(4);
        source.unread(magic);
        if (magic.length == 0) {
            throw new CaptureFormatException("not a capture file: it is empty " + EXPECTED);
        }
        // RFC 1952 section 2.3.1: ID1 = 0x1f, ID2 = 0x8b.
        if (compression.isEmpty() && magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return open(new GZIPInputStream(source, GZIP_BUFFER), "+gzip");
        }
        CaptureInput input = new CaptureInput(source);
        if (magic.length == 4) {
            long big = (magic[0] & 0xffL) << 24 | (magic[1] & 0xff) << 16 | (magic[2] & 0xff) << 8 | (magic[3] & 0xff);
            long little = Long.reverseBytes(big) >>> 32;
            if (big == PcapngReader.SECTION_HEADER_BLOCK) {
                return new PcapngReader(input, "pcapng" + compression);
            }
            for (boolean bigEndian : new boolean[] {true, false}) {
                long value = bigEndian ? big : little;
                if (value == PcapReader.MAGIC_MICROSECONDS || value == PcapReader.MAGIC_NANOSECONDS) {
                    return new PcapReader(input, bigEndian, value == PcapReader.MAGIC_NANOSECONDS, "pcap" + compression);
                }
            }
        }
        String where = compression.isEmpty() ? "starts with " : "decompresses to bytes starting with ";
        throw new CaptureFormatException(
                "not a capture file: " + where + HexFormat.ofDelimiter(" ").formatHex(magic) + " " + EXPECTED);
    }
}
