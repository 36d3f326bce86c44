package org.tlsscope.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import com.sun.management.UnixOperatingSystemMXBean;
import org.tlsscope.decrypt.Decryption;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.lab.ClientEndpoint;
import org.tlsscope.lab.LoadRun;
import org.tlsscope.lab.TlsOptions;
import org.tlsscope.lab.app.Exchange;
import org.tlsscope.lab.engine.NioLoop;
import org.tlsscope.lab.engine.Recorder;
import org.tlsscope.lab.keylog.KeyLogSink;
import org.tlsscope.lab.live.LiveFeed;
import org.tlsscope.lab.pki.LabPki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tlsscope connect HOST:PORT}: a TLS client like {@code openssl s_client}, that records itself and analyzes
 * its connection as it happens, decrypted with the secrets it derives.
 */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = {"Connects to a TLS server and prints the connection's records as they pass, decrypted with the",
                "client's own secrets (--format); sends --send TEXT and closes with close_notify when the server closes",
                "or after --wait seconds of it not closing; then prints the reply. --record and --keylog write a capture",
                "and the key log that decrypts it. With --count N it is a load client instead: N connections,",
                "--concurrency C at a time, one thread, and a one-line tally."})
final class ConnectCommand implements Callable<Integer> {
    /** How long to wait for the server's FIN after our close_notify. */
    private static final Duration LINGER = Duration.ofSeconds(2);
    /** File descriptors kept for the JVM itself (jars, the recording, the key log) beside the sockets. */
    private static final int RESERVED_DESCRIPTORS = 64;

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "the server (IPv6 as [::1]:443)")
    String target;

    @Mixin
    LabTlsOptions tls;

    @Mixin
    LabOutput output;

    @Option(names = "--sni", paramLabel = "NAME", description = "server name to send (default: HOST unless it is an address)")
    String sni;

    @Option(names = "--send", paramLabel = "TEXT", description = "what to send once connected (\\r and \\n are understood)")
    String send;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "3",
            description = "close after this long if the server has not closed (default ${DEFAULT-VALUE})")
    int waitSeconds;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "bound on the TCP connect and handshake, and on a server that stops reading (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--key-update", description = "after the first reply, send a TLS 1.3 KeyUpdate asking the server to update too, then --send again")
    boolean keyUpdate;

    @Option(names = "--count", paramLabel = "N", description = "load: open N connections, each a handshake, --send (default GET /) and its reply")
    Integer count;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "1", description = "load: connections at a time (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--pki", paramLabel = "DIR", description = "certificates directory, for --client-cert (default: ~/.tlsscope/lab)")
    Path pki;

    @Mixin
    LiveFormatOption format;

    /** The reply goes to the process's standard output as bytes; tests give their own stream. */
    OutputStream replyOut = System.out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = new PrintWriter(spec.commandLine().getErr(), true);
        InetSocketAddress address = HostPort.parse(target, 1);
        if (address == null) {
            err.println("tlsscope: '" + target + "' is not HOST:PORT");
            return ExitCode.USAGE;
        }
        if (address.isUnresolved()) {
            err.println("tlsscope: cannot resolve '" + address.getHostString() + "'");
            return ExitCode.CONNECTION;
        }
        String usage = usageError();
        if (usage != null) {
            err.println("tlsscope: " + usage);
            return ExitCode.USAGE;
        }
        String host = address.getHostString();
        String name = sni != null ? sni : host.matches("[0-9.]+|.*:.*") ? null : host;
        TlsOptions options;
        try {
            options = tls.resolve(TlsOptions.MODERN).withSni(name);
        } catch (LabTlsOptions.UsageError e) {
            err.println("tlsscope: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (options.insecure()) {
            err.println("tlsscope: warning: TLS 1.0/1.1 are obsolete and insecure (RFC 8996): enabled for this lab only");
        }
        LabPki certs = LabPki.loadOrCreate(pki != null ? pki : LabDirs.home(), LabPki.DEFAULT_RSA_BITS);
        String text = send != null ? send : count != null ? "GET / HTTP/1.0\\r\\n\\r\\n" : "";
        byte[] request = text.replace("\\r", "\r").replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
        return count != null ? load(address, certs, options, request) : exchange(err, address, certs, options, request);
    }

    /** A bad combination of options, or null. */
    private String usageError() {
        if (timeoutSeconds < 1 || waitSeconds < 0) {
            return "--timeout must be at least 1 and --wait at least 0";
        }
        if (keyUpdate && (send == null || count != null)) {
            return "--key-update needs --send (the KeyUpdate follows the first reply) and no --count";
        }
        if (count != null && format.given()) {
            return "--format shows one connection's analysis; the load mode (--count) prints a tally";
        }
        String files = output.usageError();
        if (files != null) {
            return files;
        }
        if (count != null && (count < 1 || concurrency < 1)) {
            return "--count and --concurrency must be at least 1";
        }
        long limit = fileDescriptorLimit();
        if (count != null && concurrency + RESERVED_DESCRIPTORS > limit) {
            return "--concurrency " + concurrency + " needs as many sockets, but the file descriptor limit is " + limit
                    + " (ulimit -n)";
        }
        return null;
    }

    private int exchange(PrintWriter err, InetSocketAddress address, LabPki certs, TlsOptions options, byte[] request)
            throws IOException, InterruptedException {
        PrintWriter out = new PrintWriter(spec.commandLine().getOut(), true);
        Exchange exchange = new Exchange(request, -1, keyUpdate);
        LiveFeed feed = new LiveFeed(LiveAnalysis.MAX_BEHIND_BYTES, err::println);
        KeyLog secrets = new KeyLog();
        int analyzed;
        try (LabOutput files = output; NioLoop loop = new NioLoop(feed::note, Duration.ofSeconds(timeoutSeconds), LINGER)) {
            // The analysis shows the handshake from its bytes: BC's own account of it would say it twice.
            loop.narrate(false);
            ClientEndpoint endpoint;
            try {
                endpoint = new ClientEndpoint(certs, options, output.keyLogSink().and(feed.secretsInto(secrets)),
                        output.recorder(feed), exchange, null);
            } catch (IOException e) {
                err.println("tlsscope: " + LabOutput.cannotWrite(e));
                return ExitCode.USAGE;
            }
            LiveAnalysis analysis = new LiveAnalysis("connect-analysis", feed, format.view(out),
                    new Decryption(secrets, new RsaKeys()), out, err);
            // Ctrl-C ends the connection as the loop's end does, and waits for the analysis and the reply to print.
            try (StopHook hook = new StopHook("connect-stop", loop::stop, LiveAnalysis.DRAIN.plusSeconds(10))) {
                try {
                    loop.connect(address, endpoint);
                    // The loop itself ends a connect or handshake that outlasts --timeout; --wait counts from the handshake.
                    loop.runUntil(() -> exchange.done() || exchange.opened(), Duration.ofSeconds(timeoutSeconds).plus(LINGER));
                    if (!loop.runUntil(exchange::done, Duration.ofSeconds(waitSeconds))) {
                        loop.execute(exchange::close);
                        loop.runUntil(exchange::done, LINGER.plusSeconds(1));
                    }
                } finally {
                    loop.close();
                    files.close();
                    analyzed = analysis.finish();
                }
                // The reply once the analysis has printed the connection, so that the two never interleave.
                replyOut.write(exchange.received());
                replyOut.flush();
            }
        }
        if (exchange.failure() != null) {
            err.println("tlsscope: connection ended: " + exchange.failure());
        }
        return analyzed != ExitCode.OK ? analyzed : exchange.failure() != null ? ExitCode.CONNECTION : ExitCode.OK;
    }

    private int load(InetSocketAddress address, LabPki certs, TlsOptions options, byte[] request) throws IOException {
        LoadRun.Tally tally;
        // Per-connection lines would be thousands: the tally is the output.
        try (LabOutput files = output; NioLoop loop = new NioLoop(line -> { }, Duration.ofSeconds(timeoutSeconds), LINGER)) {
            KeyLogSink keys;
            Recorder recorder;
            try {
                keys = output.keyLogSink();
                recorder = output.recorder();
            } catch (IOException e) {
                spec.commandLine().getErr().println("tlsscope: " + LabOutput.cannotWrite(e));
                return ExitCode.USAGE;
            }
            tally = LoadRun.run(loop, address, count, concurrency, request, Duration.ofSeconds(waitSeconds),
                    app -> new ClientEndpoint(certs, options, keys, recorder, app, null));
        }
        spec.commandLine().getOut().println(tally.line());
        spec.commandLine().getOut().flush();
        return tally.completed() == tally.connections() ? ExitCode.OK : ExitCode.CONNECTION;
    }

    /** The process's limit on open files (sockets count), or Long.MAX_VALUE where the JDK cannot tell. */
    private static long fileDescriptorLimit() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : Long.MAX_VALUE;
    }
}
