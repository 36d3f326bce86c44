package org.tlsscope.capture;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The byte source under a capture reader: one large buffer refilled from the stream, so that a
 * pipe from tcpdump is read as it arrives and a file is read in big sequential chunks. Tracks the
 * file offset of every byte for problem reports.
 *
 * <p>Multi-byte fields are read in the byte order of the capture file (pcap and pcapng are written in
 * the byte order of the host that captured), chosen per call since a pcapng section can change it.
 *
 * <p>A stream that ends early is not an exception here: {@link #request} reports how far it got, and
 * the reader decides whether that is a clean end or a truncated record. A gzip stream cut short ends
 * its data with {@link EOFException}, which is treated the same way.
 */
final class CaptureInput implements Closeable {
    /** Large enough that reading a capture costs few system calls; small enough to stay in L2/L3. */
    private static final int BUFFER_SIZE = 1 << 20;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;
    /** File offset of buffer[0]. */
    private long bufferStart;
    private boolean endOfStream;

    CaptureInput(InputStream in) {
        this.in = in;
    }

    /** File offset of the next unread byte. */
    long offset() {
        return bufferStart + position;
    }

    /** Unread bytes already in the buffer. */
    int buffered() {
        return limit - position;
    }

    /**
     * Makes {@code n} bytes (at most the buffer size) readable with the field accessors, reading
     * from the stream as needed; false when the stream ended first ({@link #buffered()} says how
     * many bytes there were).
     */
    boolean request(int n) throws IOException {
        if (n > BUFFER_SIZE) {
            throw new IllegalArgumentException("request of " + n + " bytes exceeds the buffer");
        }
        if (limit - position >= n) {
            return true;
        }
        if (position + n > BUFFER_SIZE) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            bufferStart += position;
            limit -= position;
            position = 0;
        }
        while (limit - position < n && !endOfStream) {
            int read = readStream(buffer, limit, BUFFER_SIZE - limit);
            if (read < 0) {
                endOfStream = true;
            } else {
                limit += read;
            }
        }
        return limit - position >= n;
    }

    int u16(int at, boolean bigEndian) {
        int p = position + at;
        int a = buffer[p] & 0xff;
        int b = buffer[p + 1] & 0xff;
        return bigEndian ? a << 8 | b : b << 8 | a;
    }

    long u32(int at, boolean bigEndian) {
        long first = u16(at, bigEndian);
        long second = u16(at + 2, bigEndian);
        return bigEndian ? first << 16 | second : second << 16 | first;
    }

    /**
     * Consumes {@code n} bytes into a new array of exactly that size, or returns null when the stream
     * ends first. The caller has checked {@code n} against its format's bound before calling.
     */
    byte[] read(int n) throws IOException {
        byte[] out = new byte[n];
        int have = Math.min(n, limit - position);
        System.arraycopy(buffer, position, out, 0, have);
        position += have;
        if (have == n) {
            return out;
        }
        // Too big for what is buffered: fill the rest straight from the stream, then continue
        // buffering after it.
        bufferStart += limit;
        position = 0;
        limit = 0;
        int done = have;
        while (done < n && !endOfStream) {
            int read = readStream(out, done, n - done);
            if (read < 0) {
                endOfStream = true;
            } else {
                done += read;
                bufferStart += read;
            }
        }
        return done == n ? out : null;
    }

    /** Consumes {@code n} bytes without keeping them; false when the stream ended first. */
    boolean skip(long n) throws IOException {
        long remaining = n;
        while (remaining > 0) {
            if (limit == position && !request(1)) {
                return false;
            }
            int step = (int) Math.min(remaining, limit - position);
            position += step;
            remaining -= step;
        }
        return true;
    }

    private int readStream(byte[] into, int at, int n) throws IOException {
        try {
            return in.read(into, at, n);
        } catch (EOFException cutShort) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
