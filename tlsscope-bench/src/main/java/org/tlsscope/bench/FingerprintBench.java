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
import org.tlsscope.analysis.fingerprint.Ja3;
import org.tlsscope.analysis.fingerprint.Ja4;
import org.tlsscope.tls.handshake.ClientHello;

/**
 * JA3 and JA4 of a parsed ClientHello, as every connection's summary computes them. Warm means the digest
 * memo holds the hash already (a capture's clients repeat), so this measures building the strings and the
 * lookup, which is what a long capture pays per connection.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FingerprintBench {
    @Param({Fixtures.POST_SESSION, Fixtures.TLS13})
    public String capture;

    private ClientHello hello;

    @Setup
    public void load() {
        hello = Fixtures.analyze(capture).report().clientHello();
    }

    @Benchmark
    public String ja3() {
        return Ja3.of(hello).hash();
    }

    @Benchmark
    public String ja4() {
        return Ja4.of(hello).fingerprint();
    }
}
