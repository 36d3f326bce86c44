package org.tlsscope.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tlsscope.analysis.Finding;
import org.tlsscope.analysis.finding.ConnectionFindings;
import org.tlsscope.tls.connection.ConnectionReport;

/**
 * The findings of a finished connection ({@link ConnectionFindings#of}): protocol, suite, handshake and
 * certificate rules over its report. The certificate is parsed and its chain checked once per distinct
 * certificate (a memo), so warm this is the rules' cost plus the lookup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FindingsBench {
    @Param({Fixtures.POST_SESSION, Fixtures.TLS13})
    public String capture;

    private ConnectionReport report;

    @Setup
    public void load() {
        report = Fixtures.analyze(capture).report();
    }

    @Benchmark
    public List<Finding> findings() {
        return ConnectionFindings.of(report);
    }
}
