package org.tlsscope.lab.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tlsscope.bytes.Slice;
import org.tlsscope.capture.Frame;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.lab.keylog.KeyLogSink;
import org.tlsscope.lab.record.TcpSynthesizer;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.tcp.Direction;
import org.tlsscope.testing.Hellos;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.TlsListener;

/** The queue between a live source and its analysis: bounded in bytes, never blocking the writer, notes and secrets in order. */
class LiveFeedTest {
    private static final Instant T = Instant.parse("2026-11-29T10:00:00.000001Z");

    @Test
    void framesAndNotesComeOutInTheOrderWrittenNumberedFromOne() throws IOException {
        List<String> printed = new ArrayList<>();
        LiveFeed feed = new LiveFeed(1 << 20, printed::add);
        feed.write(T, new byte[40]);
        feed.note("a line between");
        feed.write(T.plusMillis(1), new byte[60]);
        feed.end();

        Frame first = feed.next();
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.data().length()).isEqualTo(40);
        assertThat(first.timestampNanos()).isEqualTo(T.getEpochSecond() * 1_000_000_000L + 1_000);
        assertThat(feed.lastFrameNanos()).isEqualTo(first.timestampNanos());
        assertThat(printed).isEmpty();
        Frame second = feed.next();
        assertThat(printed).containsExactly("a line between");
        assertThat(second.number()).isEqualTo(2);
        assertThat(feed.next()).isNull();
    }

    @Test
    void packetsTheAnalysisHasNoRoomForAreSkippedSaidOnceAndCounted() throws IOException {
        List<String> printed = new ArrayList<>();
        LiveFeed feed = new LiveFeed(100, printed::add);
        feed.write(T, new byte[60]);
        feed.write(T, new byte[60]);
        feed.write(T, new byte[60]);
        assertThat(feed.next().number()).isEqualTo(1);
        // The analysis caught up: room again.
        feed.write(T, new byte[60]);
        feed.end();

        assertThat(feed.next().number()).as("numbered as written: the recording's frame 4").isEqualTo(4);
        assertThat(feed.next()).isNull();
        assertThat(printed).singleElement().asString().startsWith("the analysis is falling behind");
        assertThat(feed.skippedPackets()).isEqualTo(2);
        assertThat(feed.skippedBytes()).isEqualTo(120);
    }

    @Test
    void secretsAreTakenInByTheAnalysisBeforeThePacketsWrittenAfterThemAndDroppedWhenSpent() throws IOException {
        byte[] random = HexFormat.of().parseHex("a1".repeat(32));
        byte[] other = HexFormat.of().parseHex("b2".repeat(32));
        LiveFeed feed = new LiveFeed(1 << 20, line -> { });
        KeyLog keys = new KeyLog();
        KeyLogSink sink = feed.secretsInto(keys);
        feed.write(T, new byte[40]);
        sink.log("CLIENT_RANDOM", random, new byte[48]);
        sink.log("CLIENT_RANDOM", other, new byte[48]);
        feed.write(T, new byte[40]);
        sink.spent(random);
        feed.write(T, new byte[40]);
        feed.end();

        assertThat(keys.size()).as("nothing before the analysis reads").isZero();
        feed.next();
        assertThat(keys.size()).as("logged after the first packet").isZero();
        feed.next();
        assertThat(keys.masterSecret(random)).isEqualTo(new byte[48]);
        assertThat(keys.size()).isEqualTo(2);
        feed.next();
        assertThat(keys.masterSecret(random)).isNull();
        assertThat(keys.masterSecret(other)).isEqualTo(new byte[48]);
        assertThat(feed.next()).isNull();
        assertThat(keys.problems()).isEmpty();
    }

    @Test
    void onceClosedNothingMoreIsQueuedAndLinesPrintAtOnce() throws IOException {
        List<String> printed = new ArrayList<>();
        LiveFeed feed = new LiveFeed(1 << 20, printed::add);
        feed.close();
        feed.write(T, new byte[10]);
        feed.note("the analysis failed, the connections go on");
        feed.secretsInto(new KeyLog()).log("CLIENT_RANDOM", new byte[32], new byte[48]);
        assertThat(feed.skippedPackets()).isEqualTo(1);
        assertThat(printed).containsExactly("the analysis failed, the connections go on");
        assertThat(feed.skippedNotes()).isZero();
        assertThat(feed.skippedSecrets()).isEqualTo(1);
    }

    @Test
    @Timeout(30)
    void whileNoPacketComesTheAnalysisIsToldHowLongItHasWaitedOnItsOwnThread() throws Exception {
        LiveFeed feed = new LiveFeed(1 << 20, line -> { });
        feed.write(T, new byte[40]);
        feed.next();
        List<Long> told = new CopyOnWriteArrayList<>();
        List<Thread> on = new CopyOnWriteArrayList<>();
        feed.whileWaiting(quiet -> {
            told.add(quiet);
            on.add(Thread.currentThread());
        });
        long taken = System.nanoTime();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(2500);
            } catch (InterruptedException e) {
                return;
            }
            feed.write(T, new byte[40]);
        });

        assertThat(feed.next().number()).isEqualTo(2);
        long waited = System.nanoTime() - taken;
        assertThat(told).hasSizeBetween(1, 3).isSorted()
                .allSatisfy(quiet -> assertThat(quiet).isBetween(900_000_000L, waited));
        assertThat(on).containsOnly(Thread.currentThread());
    }

    @Test
    @Timeout(30)
    void aResetConnectionIsReportedWhileTheFeedIsQuietNotAtItsNextPacket() throws Exception {
        LiveFeed feed = new LiveFeed(1 << 20, line -> { });
        // The reset's grace for segments in flight is 10 s: the feed must tell the analysis how long it waits.
        Clock clock = Clock.systemUTC();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        TcpSynthesizer tcp = new TcpSynthesizer(feed, clock, new InetSocketAddress(loopback, 50_000),
                new InetSocketAddress(loopback, 443), 1460);
        tcp.open();
        Slice hello = Hellos.clientHello(0x0303, new int[] {0x1301});
        byte[] record = new byte[5 + hello.length()];
        record[0] = 22;
        record[1] = 3;
        record[2] = 1;
        record[3] = (byte) (hello.length() >> 8);
        record[4] = (byte) hello.length();
        hello.copyTo(record, 5);
        tcp.data(Direction.CLIENT_TO_SERVER, record, 0, record.length);
        tcp.reset(Direction.SERVER_TO_CLIENT);
        CountDownLatch reported = new CountDownLatch(1);
        Thread analysis = Thread.ofPlatform().daemon().start(() -> {
            try {
                Analyzer.run(feed, new TlsListener() {
                    @Override
                    public void onConnectionEnd(ConnectionReport report) {
                        reported.countDown();
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThat(reported.await(20, TimeUnit.SECONDS)).as("reported with the feed still open").isTrue();
        feed.end();
        analysis.join(10_000);
    }

}
