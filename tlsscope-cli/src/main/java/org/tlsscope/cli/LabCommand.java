package org.tlsscope.cli;

import org.tlsscope.lab.record.TcpSynthesizer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ProtocolVersion;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.decrypt.Decryption;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.ja4plus.Ja4Plus;
import org.tlsscope.lab.LabSession;
import org.tlsscope.lab.TlsOptions;
import org.tlsscope.lab.engine.Recorder;
import org.tlsscope.lab.keylog.KeyLogSink;
import org.tlsscope.lab.pki.LabPki;
import org.tlsscope.lab.record.LinkType;
import org.tlsscope.lab.record.PcapWriter;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.view.TextView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsscope lab}: the post's experiment in one command, recorded, key-logged and analyzed. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = {"Reproduces the post: starts a TLS server on loopback, connects a client, sends an HTTP request,",
                "reads the reply, closes with close_notify, records the capture and the key log (no root needed),",
                "then prints the analysis, decrypted, flight by flight. Default: the post's TLS 1.0 with",
                "TLS_RSA_WITH_AES_256_CBC_SHA and a session ticket."})
final class LabCommand implements Callable<Integer> {
    /** The post's choice (2014): obsolete today, which is the point of looking at it. */
    static final TlsOptions POST = new TlsOptions(List.of(ProtocolVersion.TLSv10),
            List.of(CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA), List.of(), "localhost", List.of(), true, false, true);

    @Mixin
    LabTlsOptions tls;

    @Option(names = "--out", paramLabel = "DIR",
            description = "where the certificates, lab.pcap and lab.keys go (default: ~/.tlsscope/lab)")
    Path out;

    @Option(names = "--request", paramLabel = "TEXT", defaultValue = "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n",
            description = "what the client sends (default: an HTTP/1.0 GET, answered like openssl s_server -www)")
    String request;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20", description = "give up after this long (default ${DEFAULT-VALUE})")
    int timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TlsOptions options;
        try {
            options = tls.resolve(tls.versionsGiven() ? TlsOptions.MODERN.withSni("localhost") : POST);
        } catch (LabTlsOptions.UsageError e) {
            err.println("tlsscope: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (options.insecure()) {
            err.println("tlsscope: warning: TLS 1.0/1.1 are obsolete and insecure (RFC 8996): enabled for this lab only");
        }
        Path dir = out != null ? out : LabDirs.home();
        LabPki pki = LabPki.loadOrCreate(dir, LabPki.DEFAULT_RSA_BITS);
        Path pcap = dir.resolve("lab.pcap");
        Path keys = dir.resolve("lab.keys");
        LabSession.Result result;
        try (PcapWriter writer = new PcapWriter(new BufferedOutputStream(Files.newOutputStream(pcap)), LinkType.NULL);
             Writer keyWriter = Files.newBufferedWriter(keys, StandardCharsets.US_ASCII)) {
            result = LabSession.run(pki, options, options, request.getBytes(StandardCharsets.UTF_8),
                    KeyLogSink.to(keyWriter), new Recorder(writer, Clock.systemUTC(), TcpSynthesizer.MAX_MSS),
                    line -> err.println("lab: " + line), Duration.ofSeconds(timeout));
        }
        stdout.println("recorded " + pcap + " and " + keys + " (" + result.reply().length + " bytes of reply)");
        if (result.failure() != null) {
            err.println("tlsscope: lab: the session did not end cleanly: " + result.failure());
        }
        KeyLog keyLog = new KeyLog();
        keyLog.load(keys);
        try (CaptureReader reader = Captures.open(pcap)) {
            Analyzer.run(reader, new TextView(stdout, Ja4Plus.fingerprinters()), new Decryption(keyLog, new RsaKeys()));
        }
        stdout.flush();
        return result.failure() == null ? ExitCode.OK : ExitCode.CONNECTION;
    }
}
