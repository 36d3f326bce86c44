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

    private KeyLogSink(Consumer<String> lines) {
        this.lines = lines;
    }

    /** Lines appended to {@code out} (flushed after each); an I/O error surfaces as UncheckedIOException. */
    public static KeyLogSink to(Writer out) {
        return new KeyLogSink(line -> {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the key log", e);
            }
        });
    }

    /** Lines given to {@code consumer} (tests, or an analysis running alongside). */
    public static KeyLogSink to(Consumer<String> consumer) {
        return new KeyLogSink(consumer);
    }

    /** Secrets are dropped: the endpoint runs without a key log. */
    public static KeyLogSink none() {
        return new KeyLogSink(line -> { });
    }

    public synchronized void log(String label, byte[] clientRandom, byte[] secret) {
        lines.accept(label + ' ' + HEX.formatHex(clientRandom) + ' ' + HEX.formatHex(secret));
    }
}
