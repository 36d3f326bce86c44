package org.tlsscope.view;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tlsscope.tcp.Direction;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.connection.TlsListener;
import org.tlsscope.tls.record.ContentType;

/**
 * Writes every connection's decrypted application streams as files, {@code connection-N-client.bin} and
 * {@code connection-N-server.bin}; a file is open only while its connection is, and closed when it ends.
 */
public final class StreamExport implements TlsListener {
    /** One file written. */
    public record Written(int connection, String from, Path file, long bytes) {
    }

    private final Path dir;
    private final Map<String, Open> open = new HashMap<>();
    private final List<Written> written = new ArrayList<>();

    public StreamExport(Path dir) {
        this.dir = dir;
    }

    @Override
    public void onRecord(RecordEvent e) {
        if (!e.decrypted() || e.contentType() != ContentType.APPLICATION_DATA || e.plaintext().isEmpty()) {
            return;
        }
        String name = "connection-" + e.connection().id() + "-" + e.direction().sender() + ".bin";
        try {
            Open file = open.get(name);
            if (file == null) {
                Path path = dir.resolve(name);
                file = new Open(e.connection().id(), path, new BufferedOutputStream(Files.newOutputStream(path)));
                open.put(name, file);
            }
            file.out.write(e.plaintext().toArray());
            file.bytes += e.plaintext().length();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void onConnectionEnd(ConnectionReport r) {
        for (Direction d : Direction.values()) {
            Open file = open.remove("connection-" + r.connection().id() + "-" + d.sender() + ".bin");
            if (file != null) {
                try {
                    file.out.close();
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                written.add(new Written(file.connection, d.sender(), file.path, file.bytes));
            }
        }
    }

    /** The files written, in the order their connections ended. */
    public List<Written> written() {
        return List.copyOf(written);
    }

    private static final class Open {
        final int connection;
        final Path path;
        final OutputStream out;
        long bytes;

        Open(int connection, Path path, OutputStream out) {
            this.connection = connection;
            this.path = path;
            this.out = out;
        }
    }
}
