package org.tlsscope.lab.keylog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * Where the endpoints' secrets go, one NSS key log line each (RFC 9850): {@code LABEL client_random secret}
 * in lowercase hex. Thread-safe; each line is flushed at once, so a reader of the file (Wireshark, or a
 * live analysis) has the keys before the records they open.
 */
public final class KeyLogSink {
    private static final HexFormat HEX = HexFormat.of();

    private final Consumer<String> lines;
    private final Consumer<byte[]> spent;

    private KeyLogSink(Consumer<String> lines, Consumer<byte[]> spent) {
        this.lines = lines;
        this.spent = spent;
    }

    /** Lines appended to {@code out} (flushed after each); an I/O error surfaces as UncheckedIOException. */
    public static KeyLogSink to(Writer out) {
        return to(line -> {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the key log", e);
            }
        });
    }

    /** Lines given to {@code consumer} (tests), kept for good as a file keeps them. */
    public static KeyLogSink to(Consumer<String> consumer) {
        return new KeyLogSink(consumer, clientRandom -> { });
    }

    /**
     * Lines given to {@code lines}, and each connection's client random to {@code spent} once the connection has
     * ended: a live analysis that holds the secrets in memory drops them then.
     */
    public static KeyLogSink live(Consumer<String> lines, Consumer<byte[]> spent) {
        return new KeyLogSink(lines, spent);
    }

    /** Secrets are dropped: the endpoint runs without a key log. */
    public static KeyLogSink none() {
        return to(line -> { });
    }

    /** Every line and end to this sink, then to {@code other} (a key log file, and a live analysis). */
    public KeyLogSink and(KeyLogSink other) {
        return new KeyLogSink(lines.andThen(other.lines), spent.andThen(other.spent));
    }

    public synchronized void log(String label, byte[] clientRandom, byte[] secret) {
        lines.accept(label + ' ' + HEX.formatHex(clientRandom) + ' ' + HEX.formatHex(secret));
    }

    /**
     * The connection whose handshake used {@code clientRandom} has ended, and everything it sent and received has
     * been recorded: its secrets will open nothing more. A key log file keeps them (the recording is decrypted
     * later); a live analysis lets them go.
     */
    public synchronized void spent(byte[] clientRandom) {
        spent.accept(clientRandom);
    }
}
