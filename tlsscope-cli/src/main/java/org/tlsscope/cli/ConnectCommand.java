package org.tlsscope.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.tlsscope.lab.ClientEndpoint;
import org.tlsscope.lab.TlsOptions;
import org.tlsscope.lab.app.Exchange;
import org.tlsscope.lab.engine.NioLoop;
import org.tlsscope.lab.pki.LabPki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tlsscope connect HOST:PORT}: a TLS client like {@code openssl s_client}, that records itself. */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = {"Connects to a TLS server, prints the handshake as it happens, sends --send TEXT, prints the",
                "reply and closes with close_notify when the server closes or after --wait seconds of it not closing.",
                "--record and --keylog write a capture and the key log that decrypts it."})
final class ConnectCommand implements Callable<Integer> {
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

    @Option(names = "--pki", paramLabel = "DIR", description = "certificates directory, for --client-cert (default: ~/.tlsscope/lab)")
    Path pki;

    /** The reply goes to the process's standard output as bytes; tests give their own stream. */
    OutputStream replyOut = System.out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = new PrintWriter(spec.commandLine().getErr(), true);
        InetSocketAddress address = HostPort.parse(target, 1);
        if (address == null) {
            out.println("tlsscope: '" + target + "' is not HOST:PORT");
            return ExitCode.USAGE;
        }
        String host = address.getHostString();
        String name = sni != null ? sni : host.matches("[0-9.]+|.*:.*") ? null : host;
        TlsOptions options;
        try {
            options = tls.resolve(TlsOptions.MODERN).withSni(name);
        } catch (LabTlsOptions.UsageError e) {
            out.println("tlsscope: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (options.insecure()) {
            out.println("tlsscope: warning: TLS 1.0/1.1 are obsolete and insecure (RFC 8996): enabled for this lab only");
        }
        LabPki certs = LabPki.loadOrCreate(pki != null ? pki : LabDirs.home(), LabPki.DEFAULT_RSA_BITS);
        byte[] request = send == null ? new byte[0]
                : send.replace("\\r", "\r").replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
        Exchange exchange = new Exchange(request, -1);
        try (LabOutput files = output; NioLoop loop = new NioLoop(out::println, Duration.ofSeconds(15), Duration.ofSeconds(2))) {
            loop.connect(address, new ClientEndpoint(certs, options, output.keyLogSink(), output.recorder(), exchange, null));
            if (!loop.runUntil(exchange::done, Duration.ofSeconds(waitSeconds))) {
                loop.execute(exchange::close);
                loop.runUntil(exchange::done, Duration.ofSeconds(5));
            }
        }
        replyOut.write(exchange.received());
        replyOut.flush();
        if (exchange.failure() != null) {
            out.println("tlsscope: connection ended: " + exchange.failure());
            return ExitCode.NOTHING;
        }
        return ExitCode.OK;
    }
}
