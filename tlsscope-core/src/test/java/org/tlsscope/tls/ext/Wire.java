package org.tlsscope.tls.ext;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.function.Consumer;

/** A small big-endian writer for building extension blocks per the RFCs' presentation language. */
final class Wire {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static byte[] build(Consumer<Wire> content) {
        Wire w = new Wire();
        content.accept(w);
        return w.out.toByteArray();
    }

    /** An {@code extensions} block: uint16 length, then the extensions. */
    static byte[] block(byte[]... extensions) {
        return build(w -> w.vector16(v -> {
            for (byte[] e : extensions) {
                v.bytes(e);
            }
        }));
    }

    /** One extension: type, uint16 length, extension_data. */
    static byte[] extension(int type, byte[] data) {
        return build(w -> w.u16(type).vector16(v -> v.bytes(data)));
    }

    static byte[] extension(int type, String hex) {
        return extension(type, hex(hex));
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    Wire u8(int v) {
        out.write(v);
        return this;
    }

    Wire u16(int v) {
        return u8(v >> 8).u8(v & 0xff);
    }

    Wire u24(int v) {
        return u8(v >> 16).u16(v & 0xffff);
    }

    Wire u32(long v) {
        return u16((int) (v >> 16)).u16((int) (v & 0xffff));
    }

    Wire bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    Wire vector8(Consumer<Wire> content) {
        byte[] b = build(content);
        return u8(b.length).bytes(b);
    }

    Wire vector16(Consumer<Wire> content) {
        byte[] b = build(content);
        return u16(b.length).bytes(b);
    }

    Wire vector24(Consumer<Wire> content) {
        byte[] b = build(content);
        return u24(b.length).bytes(b);
    }
}
