package org.tlsscope.decrypt.keys;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A key log file that another program is still appending to (the SSLKEYLOGFILE of a running curl or
 * browser): how far it has been read, so that each read takes only what was appended since, and only whole
 * lines. A writer appends a line at a time; a last line without its line end is still being written and is
 * left for the next read (RFC 9850 section 3: every line ends with CRLF, CR or LF).
 */
final class KeyLogTail {
    /** What reads the appended text of {@code source}, numbering lines after {@code linesBefore}; returns how many it read. */
    interface Lines {
        int read(String source, InputStream appended, int linesBefore) throws IOException;
    }

    private final Path file;
    /** The end of the last whole line read, in bytes. */
    private long offset;
    private int lines;
    /** The last line read ended with a CR: an LF at the start of the next read is the rest of its CRLF. */
    private boolean endedWithCr;

    KeyLogTail(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Whole lines read so far. */
    int lines() {
        return lines;
    }

    /**
     * Hands {@code lines} the whole lines appended since the last call, if any (none while the file has not
     * grown or does not exist yet). A file now shorter than what was read has been replaced: it is
     * read again from its start, and the entries read before are harmless repeats.
     */
    void read(Lines lines) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            return;
        }
        if (size < offset) {
            offset = 0;
            this.lines = 0;
            endedWithCr = false;
        }
        if (size == offset) {
            return;
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(offset);
            if (endedWithCr) {
                ByteBuffer first = ByteBuffer.allocate(1);
                if (channel.read(first) == 1 && first.get(0) == '\n') {
                    offset++;
                }
                endedWithCr = false;
                channel.position(offset);
            }
            Appended appended = new Appended(Channels.newInputStream(channel), size - offset);
            this.lines += lines.read(file.toString(), appended, this.lines);
            offset += appended.lastLineEnd;
            endedWithCr = appended.lastWasCr;
        }
    }

    /**
     * The bytes from the last read's end to the size seen now (a writer may be adding more meanwhile), noting
     * where the last line end among them is. CR and LF never occur inside a UTF-8 sequence, so bytes tell.
     */
    private static final class Appended extends FilterInputStream {
        private long remaining;
        private long position;
        long lastLineEnd;
        boolean lastWasCr;

        Appended(InputStream in, long length) {
            super(in);
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                remaining = 0;
                return -1;
            }
            for (int i = 0; i < n; i++) {
                if (b[off + i] == '\n' || b[off + i] == '\r') {
                    lastLineEnd = position + i + 1;
                    lastWasCr = b[off + i] == '\r';
                }
            }
            position += n;
            remaining -= n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] skipped = new byte[(int) Math.min(n, 8192)];
            return Math.max(0, read(skipped, 0, skipped.length));
        }
    }
}
