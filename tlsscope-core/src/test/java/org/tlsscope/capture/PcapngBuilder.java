package org.tlsscope.capture;

import static org.tlsscope.capture.CaptureFiles.put16;
import static org.tlsscope.capture.CaptureFiles.put32;

import java.io.ByteArrayOutputStream;

/** Writes pcapng blocks (draft-ietf-opsawg-pcapng) in either byte order, for the cases no corpus file has. */
final class PcapngBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private boolean bigEndian;

    /** Section Header Block, version 1.0, section length unknown (-1), no options. */
    PcapngBuilder section(boolean bigEndian) {
        this.bigEndian = bigEndian;
        byte[] body = new byte[16];
        put32(body, 0, 0x1a2b3c4dL, bigEndian);
        put16(body, 4, 1, bigEndian);
        put16(body, 6, 0, bigEndian);
        put32(body, 8, 0xffffffffL, bigEndian);
        put32(body, 12, 0xffffffffL, bigEndian);
        return block(0x0a0d0d0a, body);
    }

    /** Interface Description Block; {@code options} are {@link #option} encodings, end-of-options added. */
    PcapngBuilder iface(int linkType, int snaplen, byte[]... options) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] fixed = new byte[8];
        put16(fixed, 0, linkType, bigEndian);
        put32(fixed, 4, snaplen, bigEndian);
        body.writeBytes(fixed);
        for (byte[] option : options) {
            body.writeBytes(option);
        }
        if (options.length > 0) {
            body.writeBytes(new byte[4]);
        }
        return block(1, body.toByteArray());
    }

    byte[] option(int code, byte[] value) {
        byte[] option = new byte[4 + padded(value.length)];
        put16(option, 0, code, bigEndian);
        put16(option, 2, value.length, bigEndian);
        System.arraycopy(value, 0, option, 4, value.length);
        return option;
    }

    byte[] u64(long value) {
        byte[] bytes = new byte[8];
        put32(bytes, bigEndian ? 0 : 4, value >>> 32, bigEndian);
        put32(bytes, bigEndian ? 4 : 0, value, bigEndian);
        return bytes;
    }

    PcapngBuilder enhancedPacket(int interfaceId, long ticks, byte[] data, int originalLength) {
        return packetBlock(6, interfaceId, ticks, data, originalLength);
    }

    /** The obsolete Packet Block (appendix A): a 16-bit interface id and a drops count. */
    PcapngBuilder obsoletePacket(int interfaceId, long ticks, byte[] data) {
        return packetBlock(2, interfaceId, ticks, data, data.length);
    }

    PcapngBuilder simplePacket(byte[] data, int originalLength) {
        byte[] body = new byte[4 + padded(data.length)];
        put32(body, 0, originalLength, bigEndian);
        System.arraycopy(data, 0, body, 4, data.length);
        return block(3, body);
    }

    PcapngBuilder decryptionSecrets(long secretsType, byte[] secrets) {
        byte[] body = new byte[8 + padded(secrets.length)];
        put32(body, 0, secretsType, bigEndian);
        put32(body, 4, secrets.length, bigEndian);
        System.arraycopy(secrets, 0, body, 8, secrets.length);
        return block(0x0a, body);
    }

    /** Any block: type, total length, body padded to 32 bits, total length again. */
    PcapngBuilder block(int type, byte[] body) {
        int length = 12 + padded(body.length);
        byte[] block = new byte[length];
        put32(block, 0, type, bigEndian);
        put32(block, 4, length, bigEndian);
        System.arraycopy(body, 0, block, 8, body.length);
        put32(block, length - 4, length, bigEndian);
        out.writeBytes(block);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private PcapngBuilder packetBlock(int type, int interfaceId, long ticks, byte[] data, int originalLength) {
        byte[] body = new byte[20 + padded(data.length)];
        if (type == 2) {
            // A 16-bit interface id, then a 16-bit drops count left at 0.
            put16(body, 0, interfaceId, bigEndian);
        } else {
            put32(body, 0, interfaceId, bigEndian);
        }
        put32(body, 4, ticks >>> 32, bigEndian);
        put32(body, 8, ticks, bigEndian);
        put32(body, 12, data.length, bigEndian);
        put32(body, 16, originalLength, bigEndian);
        System.arraycopy(data, 0, body, 20, data.length);
        return block(type, body);
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }
}
