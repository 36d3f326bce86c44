package org.tlsscope.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.tlsscope.bytes.Slice;

/** Test helpers: drain a reader, feed bytes like a slow pipe, and rewrite a pcap in its other forms. */
final class CaptureFiles {
    private CaptureFiles() {
    }

    static List<Frame> readAll(CaptureReader reader) throws IOException {
        List<Frame> frames = new ArrayList<>();
        for (Frame frame = reader.next(); frame != null; frame = reader.next()) {
            frames.add(frame);
        }
        return frames;
    }

    static List<Frame> readAll(byte[] capture) throws IOException {
        try (CaptureReader reader = Captures.open(new ByteArrayInputStream(capture))) {
            return readAll(reader);
        }
    }

    /** A stream that hands out at most {@code chunk} bytes per read, as a pipe fed slowly does. */
    static InputStream trickle(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    /**
     * Rewrites a little-endian microsecond pcap (the corpus holds only those) in the requested byte
     * order and timestamp precision, record by record, per draft-ietf-opsawg-pcap section 4.
     */
    static byte[] rewritePcap(byte[] littleEndianMicros, boolean bigEndian, boolean nanoseconds) {
        Slice in = Slice.of(littleEndianMicros);
        byte[] out = littleEndianMicros.clone();
        put32(out, 0, nanoseconds ? 0xa1b23c4dL : 0xa1b2c3d4L, bigEndian);
        put16(out, 4, in.u16le(4), bigEndian);
        put16(out, 6, in.u16le(6), bigEndian);
        for (int at = 8; at < 24; at += 4) {
            put32(out, at, in.u32le(at), bigEndian);
        }
        for (int at = 24; at + 16 <= out.length; at += 16 + (int) in.u32le(at + 8)) {
            put32(out, at, in.u32le(at), bigEndian);
            put32(out, at + 4, in.u32le(at + 4) * (nanoseconds ? 1000 : 1), bigEndian);
            put32(out, at + 8, in.u32le(at + 8), bigEndian);
            put32(out, at + 12, in.u32le(at + 12), bigEndian);
        }
        return out;
    }

    static void put16(byte[] b, int at, int value, boolean bigEndian) {
        b[at + (bigEndian ? 0 : 1)] = (byte) (value >>> 8);
        b[at + (bigEndian ? 1 : 0)] = (byte) value;
    }

    static void put32(byte[] b, int at, long value, boolean bigEndian) {
        put16(b, at + (bigEndian ? 0 : 2), (int) (value >>> 16), bigEndian);
        put16(b, at + (bigEndian ? 2 : 0), (int) value, bigEndian);
    }
}
