package org.tlsscope.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tlsscope.capture.Captures;
import org.tlsscope.decrypt.Decryption;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.TlsListener;

/**
 * The whole decryption path, warm: {@link Analyzer#run} with the key log over a recorded bulk download
 * ({@link BulkSession}, 16 MiB from the server in full records), from the capture's bytes in memory through
 * link, IP and TCP decoding, reassembly, framing, the key schedule and the record ciphers, to the report. One
 * operation is one 16 KiB record of the download, as in {@link RecordCipherBench}, so the two compare directly.
 * The lab's server negotiates encrypt-then-MAC for the CBC suites (RFC 7366), unlike RecordCipherBench.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecryptPathBench {
    /** 16 MiB per capture: large enough that the one handshake is a small share, small enough to hold in memory. */
    static final int RECORDS = 1024;

    @Param
    public BenchSuite suite;

    private BulkSession session;

    @Setup
    public void record() {
        use(BulkSession.record(suite, RECORDS));
    }

    /** The session the benchmark reads (the smoke test gives a smaller one). */
    void use(BulkSession session) {
        this.session = session;
    }

    /** @return the server's application data decrypted: the session's bytes when every record opened */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long decrypt() throws IOException {
        Plaintext counted = new Plaintext();
        Analyzer.run(Captures.open(new ByteArrayInputStream(session.pcap())), counted,
                new Decryption(session.keyLog(), new RsaKeys()));
        return counted.server;
    }

    /** Counts what the reports say was decrypted; wants no fields and no application data, as the summary. */
    private static final class Plaintext implements TlsListener {
        long server;

        @Override
        public void onConnectionEnd(ConnectionReport report) {
            if (report.decryption() != null && report.decryption().recordsFailed() == 0) {
                server += report.decryption().serverPlaintextBytes();
            }
        }
    }
}
