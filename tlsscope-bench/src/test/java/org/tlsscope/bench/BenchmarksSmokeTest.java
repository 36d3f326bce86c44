package org.tlsscope.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.tlsscope.analysis.Finding;
import org.tlsscope.tls.handshake.ClientHello;
import org.tlsscope.tls.handshake.ParsedMessage;

/**
 * Each benchmark run once, as JMH would after its setup, on its real inputs (the bulk download smaller), and
 * checked to compute what it claims to measure: a broken benchmark fails the build, none is timed here.
 */
class BenchmarksSmokeTest {
    private static final List<Class<?>> BENCHMARKS = List.of(RecordCipherBench.class, DecryptPathBench.class,
            HandshakeBench.class, FingerprintBench.class, FindingsBench.class, AnalyzerBench.class);

    @Test
    void theAnnotationProcessorGeneratedEveryBenchmark() throws IOException {
        // javac 23+ skips a processor that is only on the class path, silently (ecosystem notes 1.4).
        try (var list = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(list).isNotNull();
        }
        List<String> methods = BENCHMARKS.stream().flatMap(c -> Arrays.stream(c.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Benchmark.class)).map(Method::getName)
                .map(m -> "org.tlsscope.bench.jmh_generated." + c.getSimpleName() + "_" + m + "_jmhTest")).toList();
        assertThat(methods).hasSize(8);
        for (String generated : methods) {
            assertThat(exists(generated)).as(generated).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(BenchSuite.class)
    void recordCipherOpensEveryRecordOnEachInvocation(BenchSuite suite) {
        RecordCipherBench bench = new RecordCipherBench();
        bench.suite = suite;
        bench.seal();
        long all = (long) RecordCipherBench.RECORDS * RecordCipherBench.RECORD;
        assertThat(bench.open()).isEqualTo(all);
        assertThat(bench.open()).isEqualTo(all);
    }

    @ParameterizedTest
    @EnumSource(BenchSuite.class)
    void decryptPathDecryptsTheWholeDownloadOnEachInvocation(BenchSuite suite) throws IOException {
        DecryptPathBench bench = new DecryptPathBench();
        bench.suite = suite;
        BulkSession session = BulkSession.record(suite, 4);
        bench.use(session);
        assertThat(session.bytes()).isEqualTo(4L * RecordCipherBench.RECORD);
        assertThat(bench.decrypt()).isEqualTo(session.bytes());
        assertThat(bench.decrypt()).isEqualTo(session.bytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.POST_SESSION, Fixtures.TLS13})
    void handshakeFramesAndParsesTheClientHelloWithAndWithoutFields(String capture) {
        for (boolean fields : new boolean[] {false, true}) {
            HandshakeBench bench = new HandshakeBench();
            bench.capture = capture;
            bench.fields = fields;
            bench.load();
            ParsedMessage parsed = bench.frameAndParse();
            assertThat(parsed.malformed()).isFalse();
            assertThat(parsed.message()).isInstanceOf(ClientHello.class);
            assertThat(parsed.fields().isEmpty()).isEqualTo(!fields);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.POST_SESSION, Fixtures.TLS13})
    void fingerprintsAreComputed(String capture) {
        FingerprintBench bench = new FingerprintBench();
        bench.capture = capture;
        bench.load();
        assertThat(bench.ja3()).matches("[0-9a-f]{32}");
        // JA4's first part starts with the transport and the version: TLS 1.0 for the post, 1.3 for OpenSSL's.
        assertThat(bench.ja4()).startsWith(capture.equals(Fixtures.POST_SESSION) ? "t10" : "t13")
                .matches("t\\d\\d[di]\\d{4}.._[0-9a-f]{12}_[0-9a-f]{12}");
    }

    @Test
    void findingsJudgeThePostsObsoleteChoices() {
        FindingsBench bench = new FindingsBench();
        bench.capture = Fixtures.POST_SESSION;
        bench.load();
        // TLS 1.0 (deprecated by RFC 8996) with RSA key exchange (no forward secrecy).
        assertThat(bench.findings()).extracting(Finding::code).contains("proto.tls_deprecated", "suite.rsa_key_exchange");
    }

    @Test
    void analyzerReportsEachCaptureAndDecryptsTheKeyedOne() throws IOException {
        AnalyzerBench bench = new AnalyzerBench();
        for (String capture : Stream.of(Fixtures.POST_SESSION, Fixtures.TLS13).toList()) {
            AnalyzerBench.Plain plain = new AnalyzerBench.Plain();
            plain.capture = capture;
            plain.load();
            assertThat(bench.analyze(plain)).as(capture).isEqualTo(1);
        }
        AnalyzerBench.Keyed keyed = new AnalyzerBench.Keyed();
        keyed.load();
        assertThat(bench.analyzeDecrypting(keyed)).isEqualTo(1);
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
