package org.tlsscope.bytes;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A read-only view of a range of a byte array: the unit in which every layer hands bytes to the next.
 * Slicing never copies; {@link #toArray()} is the one explicit copy, for callers that must keep bytes
 * beyond the life of the buffer they came from.
 *
 * <p>Invariant kept by every layer: an array is never written again once a slice of it has been handed
 * out. Readers allocate a fresh array per frame and buffers are replaced, not reused, after they back a
 * delivered record; so a slice stays valid for as long as anyone holds it, and the views and tests can
 * keep parsed messages without copying them defensively.
 *
 * <p>All accessors take offsets relative to the start of the slice and check them against its length,
 * so a bad offset fails here, loudly, instead of reading a neighbour's bytes.
 */
public final class Slice {
    public static final Slice EMPTY = new Slice(new byte[0], 0, 0);

    private final byte[] array;
    private final int offset;
    private final int length;

    private Slice(byte[] array, int offset, int length) {
        this.array = array;
        this.offset = offset;
        this.length = length;
    }

    public static Slice of(byte[] array) {
        return new Slice(array, 0, array.length);
    }

    public static Slice of(byte[] array, int offset, int length) {
        if (offset < 0 || length < 0 || offset > array.length - length) {
            throw new IndexOutOfBoundsException("slice " + offset + "+" + length + " of " + array.length);
        }
        return new Slice(array, offset, length);
    }

    public static Slice ofHex(String hex) {
        return of(HexFormat.of().parseHex(hex.replaceAll("\\s+", "")));
    }

    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    public int u8(int at) {
        check(at, 1);
        return array[offset + at] & 0xff;
    }

    public int u16(int at) {
        check(at, 2);
        int p = offset + at;
        return (array[p] & 0xff) << 8 | (array[p + 1] & 0xff);
    }

    public int u24(int at) {
        check(at, 3);
        int p = offset + at;
        return (array[p] & 0xff) << 16 | (array[p + 1] & 0xff) << 8 | (array[p + 2] & 0xff);
    }

    public long u32(int at) {
        check(at, 4);
        int p = offset + at;
        return ((long) (array[p] & 0xff) << 24) | (array[p + 1] & 0xff) << 16 | (array[p + 2] & 0xff) << 8
                | (array[p + 3] & 0xff);
    }

    /** Little-endian reads, for capture file headers written in the host's byte order. */
    public int u16le(int at) {
        check(at, 2);
        int p = offset + at;
        return (array[p + 1] & 0xff) << 8 | (array[p] & 0xff);
    }

    public long u32le(int at) {
        check(at, 4);
        int p = offset + at;
        return ((long) (array[p + 3] & 0xff) << 24) | (array[p + 2] & 0xff) << 16 | (array[p + 1] & 0xff) << 8
                | (array[p] & 0xff);
    }

    public Slice slice(int from, int len) {
        check(from, len);
        return new Slice(array, offset + from, len);
    }

    public Slice from(int from) {
        return slice(from, length - from);
    }

    public byte[] toArray() {
        return Arrays.copyOfRange(array, offset, offset + length);
    }

    /**
     * Hands the slice's bytes to {@code reader} as its backing array, offset and length, without copying:
     * for bulk transforms (a record cipher) that read a whole range at once. The reader must not write
     * the array, by the invariant above.
     */
    public <R, X extends Exception> R read(ArrayReader<R, X> reader) throws X {
        return reader.read(array, offset, length);
    }

    /** Reads a range of an array, see {@link #read}. */
    @FunctionalInterface
    public interface ArrayReader<R, X extends Exception> {
        R read(byte[] array, int offset, int length) throws X;
    }

    /** Copies the slice into {@code dst} at {@code dstOffset}. */
    public void copyTo(byte[] dst, int dstOffset) {
        System.arraycopy(array, offset, dst, dstOffset, length);
    }

    public String hex() {
        return HexFormat.of().formatHex(array, offset, offset + length);
    }

    /** Bytes as the post prints them: "16 03 01 00 5f". */
    public String spacedHex() {
        StringBuilder sb = new StringBuilder(length * 3);
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(HexFormat.of().toHexDigits(array[offset + i]));
        }
        return sb.toString();
    }

    public boolean contentEquals(Slice other) {
        return Arrays.equals(array, offset, offset + length, other.array, other.offset, other.offset + other.length);
    }

    private void check(int at, int n) {
        if (at < 0 || n < 0 || at > length - n) {
            throw new IndexOutOfBoundsException("read " + at + "+" + n + " of slice length " + length);
        }
    }

    @Override
    public String toString() {
        return length <= 32 ? hex() : HexFormat.of().formatHex(array, offset, offset + 32) + "..(" + length + " bytes)";
    }
}
