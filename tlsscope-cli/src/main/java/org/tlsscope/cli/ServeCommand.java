package org.tlsscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.tlsscope.decrypt.Decryption;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.lab.ServerEndpoint;
import org.tlsscope.lab.TlsOptions;
import org.tlsscope.lab.app.Responder;
import org.tlsscope.lab.engine.Application;
import org.tlsscope.lab.engine.NioLoop;
import org.tlsscope.lab.engine.Sockets;
import org.tlsscope.lab.engine.TlsChannel;
import org.tlsscope.lab.live.LiveFeed;
import org.tlsscope.lab.pki.LabPki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tlsscope serve}: a TLS echo and tiny HTTP server, like {@code openssl s_server -www}, that records itself
 * and analyzes its own connections as they happen, decrypted with the secrets it derives.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs a TLS server with the lab certificate: an HTTP GET gets a page describing the session,",
                "anything else is echoed. Prints each connection's records as they pass, decrypted with the server's",
                "own secrets (--format), and a line on stderr as each connection ends; --record and --keylog write a",
                "capture and the key log that decrypts it. Runs until interrupted (or --max-connections)."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    LabTlsOptions tls;

    @Mixin
    LabOutput output;

    @Option(names = "--port", defaultValue = "4433", description = "TCP port (default ${DEFAULT-VALUE}; 0: any free port)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS", description = "address to listen on (default ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--pki", paramLabel = "DIR", description = "certificates directory (default: ~/.tlsscope/lab)")
    Path pki;

    @Option(names = "--max-connections", paramLabel = "N", description = "exit after N connections have ended")
    Integer maxConnections;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "bound on each client's handshake, and on a client that stops reading (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Mixin
    LiveFormatOption format;

    @Spec
    CommandSpec spec;

    private int ended;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = new PrintWriter(spec.commandLine().getOut(), true);
        PrintWriter err = spec.commandLine().getErr();
        InetSocketAddress address = new InetSocketAddress(bind, port);
        String usage = timeoutSeconds < 1 ? "--timeout must be at least 1"
                : address.isUnresolved() ? "--bind: cannot resolve '" + bind + "'"
                : output.usageError();
        if (usage != null) {
            err.println("tlsscope: " + usage);
            return ExitCode.USAGE;
        }
        TlsOptions options;
        try {
            options = tls.resolve(TlsOptions.MODERN);
        } catch (LabTlsOptions.UsageError e) {
            err.println("tlsscope: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (options.insecure()) {
            err.println("tlsscope: warning: TLS 1.0/1.1 are obsolete and insecure (RFC 8996): enabled for this lab only");
        }
        LabPki certs = LabPki.loadOrCreate(pki != null ? pki : LabDirs.home(), LabPki.DEFAULT_RSA_BITS);
        // Each connection's end is a line on stderr, printed by the analysis in its place among the flights.
        LiveFeed feed = new LiveFeed(LiveAnalysis.MAX_BEHIND_BYTES, err::println);
        KeyLog secrets = new KeyLog();
        try (LabOutput files = output; NioLoop loop = new NioLoop(feed::note, Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(5))) {
            // The analysis shows each handshake from its bytes: BC's own account of it would say it twice.
            loop.narrate(false);
            ServerEndpoint endpoint;
            try {
                endpoint = new ServerEndpoint(certs, options, output.keyLogSink().and(feed.secretsInto(secrets)),
                        output.recorder(feed), channel -> counted(new Responder()));
            } catch (IOException e) {
                err.println("tlsscope: " + LabOutput.cannotWrite(e));
                return ExitCode.USAGE;
            }
            InetSocketAddress bound;
            try {
                bound = loop.listen(address, endpoint);
            } catch (IOException e) {
                err.println("tlsscope: " + HostPort.cannotListen(Sockets.text(address), e));
                return ExitCode.USAGE;
            }
            err.println("tlsscope: listening on " + Sockets.text(bound) + " (certificates in " + certs.dir() + ")");
            LiveAnalysis analysis = new LiveAnalysis("serve-analysis", feed, format.view(out),
                    new Decryption(secrets, new RsaKeys()), out, err);
            // Ctrl-C stops the loop, which closes the connections, the recording and the key log properly, and
            // waits for the analysis to print what it was given.
            int code;
            try (StopHook hook = new StopHook("serve-stop", loop::stop, LiveAnalysis.DRAIN.plusSeconds(10))) {
                try {
                    loop.runUntil(() -> maxConnections != null && ended >= maxConnections, null);
                } finally {
                    loop.close();
                    files.close();
                    code = analysis.finish();
                }
            }
            return code;
        }
    }

    /** The responder, reporting each connection's end. */
    private Application counted(Responder responder) {
        return new Application() {
            @Override
            public void onData(TlsChannel channel, byte[] data) {
                responder.onData(channel, data);
            }

            @Override
            public void onClosed(TlsChannel channel, String reason) {
                ended++;
                channel.log(reason == null ? "closed" : "closed: " + reason);
            }
        };
    }
}
