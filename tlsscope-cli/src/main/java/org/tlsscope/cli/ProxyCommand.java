package org.tlsscope.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.tlsscope.decrypt.Decryption;
import org.tlsscope.decrypt.keys.KeyFileException;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.lab.engine.Recorder;
import org.tlsscope.lab.proxy.KeyWait;
import org.tlsscope.lab.proxy.LiveFeed;
import org.tlsscope.lab.proxy.Relay;
import org.tlsscope.lab.proxy.Tee;
import org.tlsscope.lab.record.LinkType;
import org.tlsscope.lab.record.PcapWriter;
import org.tlsscope.lab.record.TcpSynthesizer;
import org.tlsscope.pipeline.Analyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tlsscope proxy}: a TCP relay on the relay's own thread, and the analysis of what it relays on another,
 * fed through a bounded queue so that the relay never waits for it.
 */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = {"Relays TCP connections from --listen to --upstream (no root needed) and prints the TLS flights",
                "of each connection passing through as they happen. --record writes them as a pcap; --keylog decrypts",
                "with the key log the client writes (SSLKEYLOGFILE), read again as it grows. Runs until interrupted",
                "(or --max-connections)."})
final class ProxyCommand implements Callable<Integer> {
    /** How far (in packet bytes) the analysis may fall behind the relay before packets go unanalyzed. */
    private static final long MAX_BEHIND_BYTES = 64L << 20;
    /** How long after the proxy read a frame a missing key may still be logged by the client (see KeyWait). */
    private static final Duration KEY_PATIENCE = Duration.ofSeconds(1);
    /** After the relay stops: how long the analysis may take to finish what is queued. */
    private static final Duration DRAIN = Duration.ofSeconds(30);

    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT",
            description = "where clients connect, e.g. 127.0.0.1:8443 (port 0: any free port)")
    String listen;

    @Option(names = "--upstream", required = true, paramLabel = "HOST:PORT", description = "the server to relay to (IPv6 as [::1]:443)")
    String upstream;

    @Option(names = "--record", paramLabel = "FILE", description = "also write the connections as a pcap (synthesized TCP/IPv4)")
    Path record;

    @Option(names = "--keylog", paramLabel = "FILE",
            description = "NSS key log the client writes (SSLKEYLOGFILE), followed as it grows; repeatable")
    List<Path> keyLogs = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "text (default, streamed record by record), json or summary (--tsv rows)")
    LiveFormat format;

    @Option(names = "--max-connections", paramLabel = "N", description = "exit after N connections have ended")
    Long maxConnections;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "give up on an upstream that has not accepted within this time (default ${DEFAULT-VALUE})")
    int connectTimeout;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "close a connection that passed no byte for this long (default ${DEFAULT-VALUE})")
    int idleTimeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = new PrintWriter(spec.commandLine().getOut(), true);
        PrintWriter err = spec.commandLine().getErr();
        InetSocketAddress from = HostPort.parse(listen, 0);
        InetSocketAddress to = HostPort.parse(upstream, 1);
        String bad = from == null ? "--listen '" + listen + "' is not HOST:PORT"
                : from.isUnresolved() ? "--listen: cannot resolve '" + from.getHostString() + "'"
                : to == null ? "--upstream '" + upstream + "' is not HOST:PORT"
                : to.isUnresolved() ? "--upstream: cannot resolve '" + to.getHostString() + "'"
                : connectTimeout < 1 || idleTimeout < 1 ? "--connect-timeout and --idle-timeout must be at least 1 second"
                : null;
        if (bad != null) {
            err.println("tlsscope: " + bad);
            return ExitCode.USAGE;
        }
        LiveFeed feed = new LiveFeed(MAX_BEHIND_BYTES, line -> err.println("proxy " + line));
        KeyLog keyLog = new KeyLog();
        try {
            for (Path p : keyLogs) {
                keyLog.follow(p);
            }
        } catch (KeyFileException e) {
            err.println("tlsscope: " + e.getMessage());
            return ExitCode.USAGE;
        }
        keyLog.whenMissing(new KeyWait(keyLog, feed::lastFrameNanos, KEY_PATIENCE));
        Decryption decryption = keyLogs.isEmpty() ? null : new Decryption(keyLog, new RsaKeys());

        PcapWriter pcap = null;
        if (record != null) {
            try {
                pcap = new PcapWriter(new BufferedOutputStream(Files.newOutputStream(record), 1 << 16), LinkType.NULL);
            } catch (NoSuchFileException e) {
                err.println("tlsscope: cannot write " + record + ": no such directory");
                return ExitCode.USAGE;
            } catch (AccessDeniedException e) {
                err.println("tlsscope: cannot write " + record + ": permission denied");
                return ExitCode.USAGE;
            } catch (IOException e) {
                err.println("tlsscope: cannot write " + record + ": " + e.getMessage());
                return ExitCode.USAGE;
            }
        }
        Relay.Limits limits = new Relay.Limits(Duration.ofSeconds(connectTimeout), Duration.ofSeconds(idleTimeout),
                Relay.Limits.DEFAULT.bufferBytes());
        Recorder recorder = new Recorder(new Tee(feed, pcap, feed::note), Clock.systemUTC(), TcpSynthesizer.MAX_MSS);
        try (PcapWriter recording = pcap; Relay relay = new Relay(to, recorder, feed::note, limits)) {
            InetSocketAddress bound;
            try {
                bound = relay.listen(from);
            } catch (IOException e) {
                err.println("tlsscope: cannot listen on " + Relay.text(from) + ": "
                        + (e instanceof BindException && "Address already in use".equals(e.getMessage()) ? "the port is in use" : e.getMessage()));
                return ExitCode.USAGE;
            }
            err.println("tlsscope: proxy listening on " + Relay.text(bound) + ", relaying to " + Relay.text(to));
            return relayAndAnalyze(relay, feed, decryption, out, err);
        }
    }

    private int relayAndAnalyze(Relay relay, LiveFeed feed, Decryption decryption, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        String[] failure = {null};
        Thread analysis = Thread.ofPlatform().name("proxy-analysis").start(() -> {
            try (feed) {
                Analyzer.run(feed, format.view(out), decryption);
            } catch (IOException | RuntimeException e) {
                // The relay goes on; the feed, closed, now drops what the analysis can no longer take.
                failure[0] = e.toString();
                err.println("tlsscope: internal error in the analysis (" + e + "); relaying goes on without it");
            }
        });
        // Ctrl-C: the hook stops the relay and waits for the view and the recording to be flushed below.
        CountDownLatch flushed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            relay.stop();
            try {
                flushed.await(DRAIN.toSeconds() + 10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "proxy-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            relay.runUntil(() -> maxConnections != null && relay.ended() >= maxConnections, null);
        } finally {
            // Closing logs each connection still open; then the analysis reads to the end of the queue.
            relay.close();
            feed.end();
            analysis.join(DRAIN);
            out.flush();
            removeHook(hook);
            flushed.countDown();
        }
        if (analysis.isAlive()) {
            err.println("tlsscope: warning: the analysis did not finish within " + DRAIN.toSeconds() + " s of the relay stopping");
        }
        if (feed.skippedPackets() > 0) {
            err.println("tlsscope: warning: " + feed.skippedPackets() + " packets (" + feed.skippedBytes()
                    + " bytes) were relayed but not analyzed: the analysis fell behind");
        }
        if (feed.skippedNotes() > 0) {
            err.println("tlsscope: warning: " + feed.skippedNotes() + " connection log lines were not printed");
        }
        if (decryption != null) {
            KeyOptions.report(decryption.keyLog().problems(), err);
        }
        return failure[0] == null ? ExitCode.OK : ExitCode.INTERNAL;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running.
        }
    }
}
