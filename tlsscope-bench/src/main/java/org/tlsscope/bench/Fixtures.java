package org.tlsscope.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.tlsscope.capture.Captures;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.tcp.Direction;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.connection.TlsListener;
import org.tlsscope.tls.record.ContentType;

/**
 * The recorded sessions the benchmarks read, shipped in this module's jar (the build copies them from
 * {@code samples/} and the core's test fixtures): the post's session (TLS 1.0, TLS_RSA_WITH_AES_256_CBC_SHA) and
 * an OpenSSL TLS 1.3 session with its key log.
 */
final class Fixtures {
    static final String POST_SESSION = "post-session";
    static final String TLS13 = "tls13-aes128-gcm";

    /** What one pass of the analyzer over a capture gives the benchmarks: the client's first record, the reports. */
    record Analysis(byte[] clientHelloRecord, List<ConnectionReport> reports) {
        ConnectionReport report() {
            return reports.getFirst();
        }
    }

    private Fixtures() {
    }

    /** The capture file's bytes. */
    static byte[] capture(String name) {
        return resource(name + ".pcap");
    }

    /** The capture's NSS key log, loaded. */
    static KeyLog keyLog(String name) {
        KeyLog keys = new KeyLog();
        keys.add(name + ".keys", resource(name + ".keys"));
        if (!keys.problems().isEmpty()) {
            throw new IllegalStateException("key log " + name + ": " + KeyLog.describe(keys.problems().getFirst()));
        }
        return keys;
    }

    static Analysis analyze(String name) {
        Collector collector = new Collector();
        try {
            Analyzer.run(Captures.open(new ByteArrayInputStream(capture(name))), collector);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (collector.clientHelloRecord == null || collector.reports.isEmpty()) {
            throw new IllegalStateException(name + " holds no TLS connection with a ClientHello");
        }
        return new Analysis(collector.clientHelloRecord, List.copyOf(collector.reports));
    }

    private static byte[] resource(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + file)) {
            if (in == null) {
                throw new IllegalStateException("fixtures/" + file + " is not in the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Collector implements TlsListener {
        private final List<ConnectionReport> reports = new ArrayList<>();
        private byte[] clientHelloRecord;

        @Override
        public void onRecord(RecordEvent event) {
            if (clientHelloRecord == null && event.direction() == Direction.CLIENT_TO_SERVER
                    && event.record().header().contentType() == ContentType.HANDSHAKE) {
                // The record's bytes are valid only during the callback.
                clientHelloRecord = event.record().bytes().toArray();
            }
        }

        @Override
        public void onConnectionEnd(ConnectionReport report) {
            reports.add(report);
        }
    }
}
