package org.tlsscope.bench;

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
import org.tlsscope.bytes.Slice;
import org.tlsscope.decrypt.cipher.CipherSpec;
import org.tlsscope.decrypt.cipher.Opening;
import org.tlsscope.decrypt.cipher.RecordCipher;
import org.tlsscope.decrypt.cipher.RecordCiphers;
import org.tlsscope.decrypt.cipher.TrafficKeys;
import org.tlsscope.lab.seal.RecordSealer;

/**
 * The record ciphers alone, warm: {@link RecordCipher#open} of full records, 2^14 bytes of content each (the
 * most a record carries, RFC 8446 section 5.1), sealed in the setup with the JDK's ciphers. One operation is
 * one record, so MB/s = ops/s x 16384 / 10^6, comparable with {@code openssl speed -evp CIPHER -bytes 16384}.
 * TLS 1.2 CBC is MAC-then-encrypt (RFC 5246 section 6.2.3.2), as OpenSSL's stitched AES-CBC-HMAC ciphers are.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RecordCipherBench {
    /** The content bytes of each record: one operation's worth, the figure the script turns into MB/s. */
    public static final int RECORD = 1 << 14;
    /**
     * Records per invocation. A record cipher opens only the next sequence number, so each invocation opens
     * the same sealed records with a fresh cipher; 256 of them (4 MiB) make its creation a small share.
     */
    static final int RECORDS = 256;
    private static final int APPLICATION_DATA = 23;

    @Param
    public BenchSuite suite;

    private CipherSpec spec;
    private TrafficKeys keys;
    private Slice[] records;

    @Setup
    public void seal() {
        spec = suite.spec();
        keys = RecordSealer.keysFromZeroSecret(spec, suite.version());
        RecordSealer sealer = RecordSealer.create(suite.id(), suite.version(), keys);
        byte[] content = new byte[RECORD];
        records = new Slice[RECORDS];
        for (int seq = 0; seq < RECORDS; seq++) {
            records[seq] = Slice.of(sealer.seal(seq, APPLICATION_DATA, content));
        }
    }

    /** @return the plaintext bytes opened: {@code RECORDS * RECORD} unless a record failed */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long open() {
        RecordCipher cipher = RecordCiphers.create(spec, suite.version(), keys, false);
        long opened = 0;
        for (Slice record : records) {
            if (cipher.open(record.u8(0), record.u16(1), record.from(5)) instanceof Opening.Opened o) {
                opened += o.plaintext().length();
            }
        }
        return opened;
    }
}
