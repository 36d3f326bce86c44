package org.tlsscope.decrypt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.tcp.Direction;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.record.ContentType;
import org.tlsscope.testing.RecordingListener;

/** Runs the pipeline with keys and keeps each connection's decrypted application data per direction. */
final class DecryptedStreams extends RecordingListener {
    final Map<Integer, ByteArrayOutputStream> client = new HashMap<>();
    final Map<Integer, ByteArrayOutputStream> server = new HashMap<>();
    final List<String> decryptedMessages = new ArrayList<>();

    DecryptedStreams() {
        super(false);
    }

    static DecryptedStreams run(Path capture, List<Path> keyLogs, List<Path> rsaKeys) throws IOException {
        KeyLog keyLog = new KeyLog();
        for (Path p : keyLogs) {
            keyLog.load(p);
        }
        RsaKeys keys = new RsaKeys();
        for (Path p : rsaKeys) {
            keys.load(p, null);
        }
        return run(capture, keyLog.size() == 0 && keys.size() == 0 ? null : new Decryption(keyLog, keys));
    }

    static DecryptedStreams run(Path capture, Decryption decryption) throws IOException {
        DecryptedStreams streams = new DecryptedStreams();
        try (CaptureReader reader = Captures.open(capture)) {
            Analyzer.run(reader, streams, decryption);
        }
        return streams;
    }

    @Override
    public void onRecord(RecordEvent e) {
        super.onRecord(e);
        if (!e.decrypted()) {
            return;
        }
        if (e.contentType() == ContentType.APPLICATION_DATA) {
            (e.direction() == Direction.CLIENT_TO_SERVER ? client : server)
                    .computeIfAbsent(e.connection().id(), id -> new ByteArrayOutputStream())
                    .writeBytes(e.plaintext().toArray());
        }
        e.messages().forEach(m -> decryptedMessages.add(e.connection().id() + ":" + e.direction().sender() + ":" + m.name()));
    }

    String clientText(int connection) {
        return text(client, connection);
    }

    String serverText(int connection) {
        return text(server, connection);
    }

    byte[] clientBytes(int connection) {
        return client.getOrDefault(connection, new ByteArrayOutputStream()).toByteArray();
    }

    byte[] serverBytes(int connection) {
        return server.getOrDefault(connection, new ByteArrayOutputStream()).toByteArray();
    }

    private static String text(Map<Integer, ByteArrayOutputStream> streams, int connection) {
        ByteArrayOutputStream s = streams.get(connection);
        return s == null ? "" : s.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    ConnectionReport connection(int id) {
        return connections.stream().filter(c -> c.connection().id() == id).findFirst().orElseThrow();
    }
}
