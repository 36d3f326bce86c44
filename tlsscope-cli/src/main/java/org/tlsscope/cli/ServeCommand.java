package org.tlsscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.tlsscope.lab.ServerEndpoint;
import org.tlsscope.lab.TlsOptions;
import org.tlsscope.lab.app.Responder;
import org.tlsscope.lab.engine.Application;
import org.tlsscope.lab.engine.NioLoop;
import org.tlsscope.lab.engine.TlsChannel;
import org.tlsscope.lab.pki.LabPki;
import org.tlsscope.net.Endpoint;
import org.tlsscope.net.IpAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsscope serve}: a TLS echo and tiny HTTP server, like {@code openssl s_server -www}, that records itself. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs a TLS server with the lab certificate: an HTTP GET gets a page describing the session,",
                "anything else is echoed. Prints each connection's handshake as it happens; --record and --keylog",
                "write a capture and the key log that decrypts it. Runs until interrupted (or --max-connections)."})
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

    @Spec
    CommandSpec spec;

    private int ended;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = new PrintWriter(spec.commandLine().getOut(), true);
        PrintWriter err = spec.commandLine().getErr();
        if (timeoutSeconds < 1) {
            err.println("tlsscope: --timeout must be at least 1");
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
        try (LabOutput files = output; NioLoop loop = new NioLoop(out::println, Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(5))) {
            ServerEndpoint endpoint = new ServerEndpoint(certs, options, output.keyLogSink(), output.recorder(),
                    channel -> counted(new Responder()));
            InetSocketAddress bound = loop.listen(new InetSocketAddress(bind, port), endpoint);
            out.println("listening on " + shown(bound) + " (certificates in " + certs.dir() + ")");
            // Ctrl-C stops the loop, which closes the recording and the key log properly.
            Thread hook = new Thread(loop::stop);
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                loop.runUntil(() -> maxConnections != null && ended >= maxConnections, null);
            } finally {
                removeHook(hook);
            }
        }
        return ExitCode.OK;
    }

    /** {@code 127.0.0.1:4433}, {@code [::1]:4433}: as the analysis prints endpoints (RFC 5952 for IPv6). */
    private static String shown(InetSocketAddress address) {
        ByteBuffer b = ByteBuffer.wrap(address.getAddress().getAddress());
        IpAddress ip = b.capacity() == 4 ? IpAddress.v4(b.getInt()) : IpAddress.v6(b.getLong(), b.getLong());
        return new Endpoint(ip, address.getPort()).toString();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running.
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
