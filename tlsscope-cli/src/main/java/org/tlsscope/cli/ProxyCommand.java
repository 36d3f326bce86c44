package org.tlsscope.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tlsscope.decrypt.Decryption;
import org.tlsscope.decrypt.keys.KeyFileException;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.lab.engine.Recorder;
import org.tlsscope.lab.live.LiveFeed;
import org.tlsscope.lab.live.Tee;
import org.tlsscope.lab.proxy.KeyWait;
import org.tlsscope.lab.engine.Sockets;
import org.tlsscope.lab.proxy.Relay;
import org.tlsscope.lab.record.LinkType;
import org.tlsscope.lab.record.PcapWriter;
import org.tlsscope.lab.record.TcpSynthesizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    /** How long after the proxy read a frame a missing key may still be logged by the client (see KeyWait). */
    private static final Duration KEY_PATIENCE = Duration.ofSeconds(1);

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

    @Mixin
    LiveFormatOption format;

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
        LiveFeed feed = new LiveFeed(LiveAnalysis.MAX_BEHIND_BYTES, line -> err.println("proxy " + line));
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
            } catch (IOException e) {
                err.println("tlsscope: " + LabOutput.cannotWrite(e));
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
                err.println("tlsscope: " + HostPort.cannotListen(Sockets.text(from), e));
                return ExitCode.USAGE;
            }
            err.println("tlsscope: proxy listening on " + Sockets.text(bound) + ", relaying to " + Sockets.text(to));
            return relayAndAnalyze(relay, feed, decryption, out, err);
        }
    }

    private int relayAndAnalyze(Relay relay, LiveFeed feed, Decryption decryption, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        LiveAnalysis analysis = new LiveAnalysis("proxy-analysis", feed, format.view(out), decryption, out, err);
        int code;
        // Ctrl-C: the hook stops the relay and waits for the view and the recording to be flushed below.
        try (StopHook hook = new StopHook("proxy-stop", relay::stop, LiveAnalysis.DRAIN.plusSeconds(10))) {
            try {
                relay.runUntil(() -> maxConnections != null && relay.ended() >= maxConnections, null);
            } finally {
                // Closing logs each connection still open; then the analysis reads to the end of the queue.
                relay.close();
                code = analysis.finish();
            }
        }
        if (decryption != null) {
            KeyOptions.report(decryption.keyLog().problems(), err);
        }
        return code;
    }
}
