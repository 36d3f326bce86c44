package org.tlsscope.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tlsscope.capture.Captures;
import org.tlsscope.decrypt.Decryption;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.DecryptionStatus;
import org.tlsscope.tls.connection.DecryptionStatus.Verification;
import org.tlsscope.tls.connection.TlsListener;

/**
 * The whole analysis of a small capture read from memory, in captures per second: {@link Analyzer#run} from
 * the file's bytes to the connection reports with their findings and fingerprints (what a view receives).
 * The post's session and OpenSSL's TLS 1.3 session; the latter also with its key log, every record opened
 * and both Finished messages verified.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AnalyzerBench {
    @State(Scope.Thread)
    public static class Plain {
        @Param({Fixtures.POST_SESSION, Fixtures.TLS13})
        public String capture;

        byte[] bytes;

        @Setup
        public void load() {
            bytes = Fixtures.capture(capture);
        }
    }

    @State(Scope.Thread)
    public static class Keyed {
        byte[] bytes;
        KeyLog keys;

        @Setup
        public void load() {
            bytes = Fixtures.capture(Fixtures.TLS13);
            keys = Fixtures.keyLog(Fixtures.TLS13);
        }
    }

    /** @return the connections reported */
    @Benchmark
    public int analyze(Plain s) throws IOException {
        Reports reports = new Reports();
        Analyzer.run(Captures.open(new ByteArrayInputStream(s.bytes)), reports);
        return reports.connections;
    }

    /** @return the connections reported with every record opened and both Finished verified */
    @Benchmark
    public int analyzeDecrypting(Keyed s) throws IOException {
        Reports reports = new Reports();
        Analyzer.run(Captures.open(new ByteArrayInputStream(s.bytes)), reports, new Decryption(s.keys, new RsaKeys()));
        return reports.decrypted;
    }

    private static final class Reports implements TlsListener {
        int connections;
        int decrypted;

        @Override
        public void onConnectionEnd(ConnectionReport report) {
            connections++;
            DecryptionStatus d = report.decryption();
            if (d != null && d.decrypted() && d.recordsFailed() == 0 && d.clientFinished() == Verification.VERIFIED
                    && d.serverFinished() == Verification.VERIFIED) {
                decrypted++;
            }
        }
    }
}
