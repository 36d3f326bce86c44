package org.tlsscope.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * A live byte source (standard input, a capture tool's pipe) read by a thread of its own into a bounded
 * queue, so that a reader waiting for bytes is told, about once a second, how long the source has been quiet
 * ({@link CaptureReader#whileWaiting}), where a plain read would block with nothing to say. When the queue is
 * full the pump stops reading and the pipe fills, as when the reader read the pipe itself.
 */
final class LiveStream extends InputStream {
    private static final int CHUNK = 1 << 16;
    /** 4 MiB at most between the pipe and the reader. */
    private static final int CHUNKS = 64;
    private static final byte[] END = new byte[0];

    private final InputStream source;
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private volatile IOException failure;
    private LongConsumer quiet = nanos -> { };
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;
    /** System.nanoTime() when bytes last came (or the stream was opened). */
    private long lastBytes = System.nanoTime();

    LiveStream(InputStream source) {
        this.source = source;
        Thread.ofPlatform().daemon().name("tlsscope-live-input").start(this::pump);
    }

    /** Where to say how long the source has been quiet (ns) while a read waits; called on the reading thread. */
    void whileWaiting(LongConsumer quiet) {
        this.quiet = quiet;
    }

    private void pump() {
        byte[] buffer = new byte[CHUNK];
        try {
            for (int n = source.read(buffer); n >= 0; n = source.read(buffer)) {
                if (n > 0) {
                    chunks.put(Arrays.copyOf(buffer, n));
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            chunks.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == current.length) {
            if (ended) {
                return -1;
            }
            byte[] next;
            try {
                next = chunks.poll(CaptureReader.QUIET_TICK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the capture");
            }
            if (next == null) {
                quiet.accept(System.nanoTime() - lastBytes);
            } else if (next == END) {
                ended = true;
                if (failure != null) {
                    throw failure;
                }
            } else {
                current = next;
                position = 0;
                lastBytes = System.nanoTime();
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, into, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return current.length - position;
    }

    /** Closes the source; a pump waiting for room in the queue gets it, meets the closed source and ends. */
    @Override
    public void close() throws IOException {
        source.close();
        chunks.clear();
    }
}
