package org.tlsscope.capture;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.tlsscope.bytes.Slice;

/**
 * The classic libpcap format (draft-ietf-opsawg-pcap section 4): a 24-byte file header, then a
 * 16-byte record header before each packet. Both byte orders; microsecond or nanosecond timestamps.
 */
final class PcapReader implements CaptureReader {
    static final long MAGIC_MICROSECONDS = 0xa1b2c3d4L;
    static final long MAGIC_NANOSECONDS = 0xa1b23c4dL;

    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    /**
     * libpcap's MAXIMUM_SNAPLEN: no link type needs more, so a longer record means a damaged file
     * even when the header's snaplen claims otherwise.
     */
    private static final int MAXIMUM_SNAPLEN = 262_144;
    /** A larger header snaplen is believed only up to this bound (the pcapng block bound). */
    private static final int SNAPLEN_CEILING = 16 << 20;

    private final CaptureInput input;
    private final boolean bigEndian;
    private final long nanosPerFraction;
    private final String format;
    private final int linkType;
    private final int maxRecord;
    private long frames;
    private CaptureProblem problem;

    PcapReader(CaptureInput input, boolean bigEndian, boolean nanoseconds, String format) throws IOException {
        this.input = input;
        this.bigEndian = bigEndian;
        this.nanosPerFraction = nanoseconds ? 1 : 1000;
        this.format = format;
        if (!input.request(FILE_HEADER)) {
            throw new CaptureFormatException("pcap file header cut short: " + input.buffered() + " of "
                    + FILE_HEADER + " bytes");
        }
        int major = input.u16(4, bigEndian);
        int minor = input.u16(6, bigEndian);
        // Version 2.4 since 1998; libpcap still reads 2.2 and 2.3, which differ only in details
        // that do not concern the record layout.
        if (major != 2) {
            throw new CaptureFormatException("pcap version " + major + "." + minor + " is not supported (expected 2.x)");
        }
        long snaplen = input.u32(16, bigEndian);
        // The link type shares its field with the FCS length in the top bits (section 4, LinkType).
        this.linkType = (int) (input.u32(20, bigEndian) & 0x03ff_ffff);
        this.maxRecord = (int) Math.max(Math.min(snaplen, SNAPLEN_CEILING), MAXIMUM_SNAPLEN);
        input.skip(FILE_HEADER);
    }

    @Override
    public Frame next() throws IOException {
        if (problem != null) {
            return null;
        }
        long recordOffset = input.offset();
        if (!input.request(RECORD_HEADER)) {
            if (input.buffered() > 0) {
                problem = new CaptureProblem(recordOffset, "capture ends inside a packet record header ("
                        + input.buffered() + " of " + RECORD_HEADER + " bytes)");
            }
            return null;
        }
        long seconds = input.u32(0, bigEndian);
        long fraction = input.u32(4, bigEndian);
        long captured = input.u32(8, bigEndian);
        long original = input.u32(12, bigEndian);
        if (captured > maxRecord) {
            // libpcap's wording, so that the message matches what tcpdump says about the same file.
            problem = new CaptureProblem(recordOffset, "File has " + captured + "-byte packet, bigger than maximum of "
                    + maxRecord);
            return null;
        }
        input.skip(RECORD_HEADER);
        byte[] data = input.read((int) captured);
        if (data == null) {
            problem = new CaptureProblem(recordOffset, "capture ends inside a packet record (" + captured
                    + " bytes announced)");
            return null;
        }
        frames++;
        return new Frame(frames, seconds * 1_000_000_000L + fraction * nanosPerFraction, linkType, Slice.of(data),
                (int) Math.min(original, Integer.MAX_VALUE), 0);
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public Optional<CaptureProblem> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public List<DecryptionSecrets> decryptionSecrets() {
        return List.of();
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
