package org.tlsscope.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.tlsscope.bytes.Slice;

/**
 * The pcapng format (draft-ietf-opsawg-pcapng): a sequence of blocks, each framed by its type and a
 * total length repeated at its end. A file may hold several sections, each opened by a Section
 * Header Block that sets its own byte order and starts a new list of interfaces.
 *
 * <p>Frames carry the interface number within their section, the number the packet block stores and
 * tshark shows as frame.interface_id.
 */
final class PcapngReader implements CaptureReader {
    static final long SECTION_HEADER_BLOCK = 0x0a0d0d0aL;

    private static final int INTERFACE_DESCRIPTION_BLOCK = 1;
    private static final int PACKET_BLOCK = 2;
    private static final int SIMPLE_PACKET_BLOCK = 3;
    private static final int ENHANCED_PACKET_BLOCK = 6;
    private static final int DECRYPTION_SECRETS_BLOCK = 0x0a;

    private static final long BYTE_ORDER_MAGIC = 0x1a2b3c4dL;
    /** Options of an Interface Description Block (section 4.2). */
    private static final int OPTION_END = 0;
    private static final int IF_TSRESOL = 9;
    private static final int IF_TSOFFSET = 14;
    /** Block header (type, length) plus the trailing length. */
    private static final int BLOCK_OVERHEAD = 12;
    /** Wireshark's bound: no legitimate block needs more, and a length beyond it means damage. */
    private static final int MAX_BLOCK = 16 << 20;

    /** One interface of the current section: what its packets need to be read. */
    private record Interface(int id, int linkType, long snaplen, TimestampResolution resolution, long offsetSeconds) {
    }

    private final CaptureInput input;
    private final String format;
    private final List<Interface> interfaces = new ArrayList<>();
    private final List<DecryptionSecrets> secrets = new ArrayList<>();
    /** Asked after every frame: a read-only view, not a copy. */
    private final List<DecryptionSecrets> secretsView = Collections.unmodifiableList(secrets);
    private boolean bigEndian;
    private long frames;
    private CaptureProblem problem;

    PcapngReader(CaptureInput input, String format) throws IOException {
        this.input = input;
        this.format = format;
        if (!input.request(BLOCK_OVERHEAD) || byteOrder(input.u32(8, true)) == null) {
            throw new CaptureFormatException("pcapng section header block is cut short or has no byte-order magic");
        }
    }

    @Override
    public Frame next() throws IOException {
        while (problem == null) {
            long blockOffset = input.offset();
            if (!input.request(8)) {
                if (input.buffered() > 0) {
                    fail(blockOffset, "capture ends inside a block header (" + input.buffered() + " of 8 bytes)");
                }
                return null;
            }
            long type = input.u32(0, bigEndian);
            if (type == SECTION_HEADER_BLOCK) {
                // The byte order of the new section is known only from its byte-order magic.
                Boolean order = input.request(BLOCK_OVERHEAD) ? byteOrder(input.u32(8, true)) : null;
                if (order == null) {
                    fail(blockOffset, "section header block without byte-order magic");
                    return null;
                }
                bigEndian = order;
            }
            long length = input.u32(4, bigEndian);
            if (length < BLOCK_OVERHEAD || length % 4 != 0 || length > MAX_BLOCK) {
                fail(blockOffset, "block of type 0x" + Long.toHexString(type) + " has an impossible length of " + length
                        + " bytes (a multiple of 4 from 12 to " + MAX_BLOCK + " expected)");
                return null;
            }
            byte[] block = input.read((int) length);
            if (block == null) {
                fail(blockOffset, "capture ends inside a block of type 0x" + Long.toHexString(type) + " (" + length
                        + " bytes announced)");
                return null;
            }
            Slice body = Slice.of(block);
            if (u32(body, (int) length - 4) != length) {
                fail(blockOffset, "block of type 0x" + Long.toHexString(type) + " ends with length "
                        + u32(body, (int) length - 4) + ", not the " + length + " it starts with");
                return null;
            }
            Frame frame = switch ((int) type) {
                case (int) SECTION_HEADER_BLOCK -> {
                    sectionHeader(body, blockOffset);
                    yield null;
                }
                case INTERFACE_DESCRIPTION_BLOCK -> {
                    interfaceDescription(body, blockOffset);
                    yield null;
                }
                case DECRYPTION_SECRETS_BLOCK -> {
                    decryptionSecrets(body, blockOffset);
                    yield null;
                }
                case ENHANCED_PACKET_BLOCK -> packet(body, blockOffset, u32(body, 8));
                case PACKET_BLOCK -> packet(body, blockOffset, u16(body, 8));
                case SIMPLE_PACKET_BLOCK -> simplePacket(body, blockOffset);
                // Name resolution, statistics, custom and future blocks: not needed to find packets.
                default -> null;
            };
            if (frame != null) {
                return frame;
            }
        }
        return null;
    }

    /** True for big-endian, false for little-endian, null when {@code magic} is not the byte-order magic. */
    private static Boolean byteOrder(long magic) {
        if (magic == BYTE_ORDER_MAGIC) {
            return true;
        }
        return magic == Long.reverseBytes(BYTE_ORDER_MAGIC) >>> 32 ? false : null;
    }

    /** Section 4.1: byte-order magic, version, section length, options. */
    private void sectionHeader(Slice block, long blockOffset) {
        if (!fits(block, 16 + BLOCK_OVERHEAD, blockOffset, "section header")) {
            return;
        }
        int major = u16(block, 12);
        if (major != 1) {
            fail(blockOffset, "pcapng section version " + major + "." + u16(block, 14) + " is not supported");
            return;
        }
        interfaces.clear();
    }

    /** Section 4.2: link type, snaplen, and the options that scale timestamps. */
    private void interfaceDescription(Slice block, long blockOffset) {
        if (!fits(block, 8 + BLOCK_OVERHEAD, blockOffset, "interface description")) {
            return;
        }
        TimestampResolution resolution = TimestampResolution.MICROSECONDS;
        long offsetSeconds = 0;
        int at = 16;
        int end = block.length() - 4;
        while (at + 4 <= end) {
            int code = u16(block, at);
            int length = u16(block, at + 2);
            if (code == OPTION_END) {
                break;
            }
            if (length > end - at - 4) {
                fail(blockOffset, "interface description option " + code + " of " + length
                        + " bytes runs past the end of its block");
                return;
            }
            if (code == IF_TSRESOL && length == 1) {
                resolution = TimestampResolution.fromOption(block.u8(at + 4));
            } else if (code == IF_TSOFFSET && length == 8) {
                offsetSeconds = u64(block, at + 4);
            }
            at += 4 + ((length + 3) & ~3);
        }
        interfaces.add(new Interface(interfaces.size(), u16(block, 8), u32(block, 12),
                resolution, offsetSeconds));
    }

    /**
     * Enhanced Packet Block (section 4.3) and the obsolete Packet Block (appendix A), which differ only
     * in the width of the interface id field.
     */
    private Frame packet(Slice block, long blockOffset, long interfaceId) {
        if (!fits(block, 20 + BLOCK_OVERHEAD, blockOffset, "packet")) {
            return null;
        }
        Interface iface = interfaceOf(interfaceId, blockOffset);
        long captured = u32(block, 20);
        if (iface == null || !fits(block, 20 + captured + BLOCK_OVERHEAD, blockOffset, "packet")) {
            return null;
        }
        // The timestamp is two 32-bit halves, high first, whatever the byte order (section 4.3).
        long ticks = u32(block, 12) << 32 | u32(block, 16);
        long nanos = iface.resolution().toNanos(ticks) + iface.offsetSeconds() * 1_000_000_000L;
        return frame(iface, nanos, block.slice(28, (int) captured), u32(block, 24));
    }

    /**
     * Section 4.4: no timestamp and no captured length; the data is the original packet cut to the
     * interface's snaplen, the padding after it is not part of it.
     */
    private Frame simplePacket(Slice block, long blockOffset) {
        if (!fits(block, 4 + BLOCK_OVERHEAD, blockOffset, "simple packet")) {
            return null;
        }
        Interface iface = interfaceOf(0, blockOffset);
        if (iface == null) {
            return null;
        }
        long original = u32(block, 8);
        long captured = Math.min(original, block.length() - 4 - BLOCK_OVERHEAD);
        if (iface.snaplen() > 0) {
            captured = Math.min(captured, iface.snaplen());
        }
        return frame(iface, 0, block.slice(12, (int) captured), original);
    }

    /** Section 4.7: kept whole for the decryption layer. */
    private void decryptionSecrets(Slice block, long blockOffset) {
        if (!fits(block, 8 + BLOCK_OVERHEAD, blockOffset, "decryption secrets")) {
            return;
        }
        long length = u32(block, 12);
        if (fits(block, 8 + length + BLOCK_OVERHEAD, blockOffset, "decryption secrets")) {
            secrets.add(new DecryptionSecrets(u32(block, 8), block.slice(16, (int) length)));
        }
    }

    private Frame frame(Interface iface, long nanos, Slice data, long original) {
        frames++;
        return new Frame(frames, nanos, iface.linkType(), data, (int) Math.min(original, Integer.MAX_VALUE), iface.id());
    }

    private Interface interfaceOf(long id, long blockOffset) {
        if (id >= interfaces.size()) {
            fail(blockOffset, "packet block refers to interface " + id + " but its section describes "
                    + interfaces.size());
            return null;
        }
        return interfaces.get((int) id);
    }

    /** Whether the block is long enough for {@code needed} bytes of header, fields and data. */
    private boolean fits(Slice block, long needed, long blockOffset, String what) {
        if (needed > block.length()) {
            fail(blockOffset, what + " block of " + block.length() + " bytes is too short for its contents ("
                    + needed + " bytes)");
            return false;
        }
        return true;
    }

    private int u16(Slice s, int at) {
        return bigEndian ? s.u16(at) : s.u16le(at);
    }

    private long u32(Slice s, int at) {
        return bigEndian ? s.u32(at) : s.u32le(at);
    }

    private long u64(Slice s, int at) {
        return bigEndian ? u32(s, at) << 32 | u32(s, at + 4) : u32(s, at + 4) << 32 | u32(s, at);
    }

    private void fail(long offset, String message) {
        problem = new CaptureProblem(offset, message);
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
        return secretsView;
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
