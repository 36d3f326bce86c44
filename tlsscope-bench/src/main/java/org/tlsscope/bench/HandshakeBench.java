package org.tlsscope.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.handshake.DissectionContext;
import org.tlsscope.tls.handshake.HandshakeAssembler;
import org.tlsscope.tls.handshake.HandshakeParser;
import org.tlsscope.tls.handshake.ParsedMessage;
import org.tlsscope.tls.handshake.RawMessage;
import org.tlsscope.tls.record.RecordFramer;
import org.tlsscope.tls.record.TlsRecord;

/**
 * The TLS layer on a client's first record: {@link RecordFramer} cuts it from the stream,
 * {@link HandshakeAssembler} takes the ClientHello out and {@link HandshakeParser} dissects it, quietly (the
 * typed message only, what the summary needs) or with the field tree the explain and JSON views print.
 * The post's ClientHello (TLS 1.0, 23 suites, one extension: a 95-byte message) and OpenSSL 3.0's TLS 1.3 one
 * (2 suites, 9 extensions with an X25519 key share: 216 bytes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HandshakeBench {
    @Param({Fixtures.POST_SESSION, Fixtures.TLS13})
    public String capture;

    @Param({"false", "true"})
    public boolean fields;

    private byte[] record;

    @Setup
    public void load() {
        record = Fixtures.analyze(capture).clientHelloRecord();
    }

    @Benchmark
    public ParsedMessage frameAndParse() {
        Dissector dissector = new Dissector(fields);
        new RecordFramer(dissector, false, true, true).feed(Slice.of(record), 1);
        return dissector.message;
    }

    /** What the TLS layer does with a framed handshake record, for the one message it holds. */
    private static final class Dissector implements RecordFramer.Sink, HandshakeAssembler.Overflow {
        private final HandshakeAssembler assembler = new HandshakeAssembler(this);
        private final boolean fields;
        private ParsedMessage message;

        Dissector(boolean fields) {
            this.fields = fields;
        }

        @Override
        public void record(TlsRecord record) {
            for (RawMessage raw : assembler.feed(record.fragment(), record.headerLength())) {
                message = HandshakeParser.parse(raw, DissectionContext.INITIAL, fields);
            }
        }

        @Override
        public void problem(String code, long streamOffset, long frame, String message) {
            throw new IllegalStateException("the benchmark's record does not frame: " + code + " " + message);
        }

        @Override
        public void tooLarge(int type, int claimedLength) {
            throw new IllegalStateException("the benchmark's message claims " + claimedLength + " bytes");
        }
    }
}
