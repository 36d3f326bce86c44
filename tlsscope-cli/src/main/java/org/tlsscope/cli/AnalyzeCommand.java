package org.tlsscope.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tlsscope.analysis.CaptureStats;
import org.tlsscope.capture.CaptureFormatException;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.tls.connection.TlsListener;
import org.tlsscope.view.ConnectionFilter;
import org.tlsscope.view.ExplainView;
import org.tlsscope.view.JsonView;
import org.tlsscope.view.SummaryView;
import org.tlsscope.view.TextView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tlsscope analyze [CAPTURE]}: every TLS connection of a capture, in one of four views. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Reads a capture (pcap, pcapng, gzip-compressed, or - for standard input) and prints every TLS",
                "connection in it. With no capture, analyzes the post's own session (samples/post-session.pcap)."})
final class AnalyzeCommand implements Callable<Integer> {
    static final String SAMPLE = "post-session.pcap";

    enum Format { text, explain, json, summary }

    @Parameters(index = "0", arity = "0..1", paramLabel = "CAPTURE",
            description = "pcap or pcapng file, optionally gzip-compressed; - reads standard input as a stream")
    String capture;

    @Option(names = {"-f", "--format"}, defaultValue = "text",
            description = "text (default), explain (annotated hex, as the post), json (JSON Lines), summary")
    Format format;

    @Option(names = "--layers", description = "explain: also dump the link, IP and TCP headers of each packet")
    boolean layers;

    @Option(names = "--tsv", description = "summary: tab-separated, one row per connection as it ends")
    boolean tsv;

    @Option(names = "--connection", paramLabel = "N", description = "only connection N (as numbered in the output)")
    Integer connection;

    @Option(names = "--server", paramLabel = "HOST:PORT", description = "only connections to this server (IPv6 as [::1]:443)")
    String server;

    @Option(names = "--sni", paramLabel = "NAME", description = "only connections whose ClientHello names this server")
    String sni;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Standard input may be a live capture: flush each line so flights show as they arrive.
        PrintWriter out = "-".equals(capture) ? new PrintWriter(spec.commandLine().getOut(), true)
                : spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (CaptureReader reader = open()) {
            TlsListener view = connection == null && server == null && sni == null ? view(out)
                    : new ConnectionFilter(view(out), connection, server, sni);
            CaptureStats stats = Analyzer.run(reader, view);
            out.flush();
            if (stats.problem() != null) {
                err.println("tlsscope: warning: " + source() + ": capture ends early: " + stats.problem());
                return ExitCode.TRUNCATED;
            }
            return ExitCode.OK;
        } catch (NoSuchFileException e) {
            err.println("tlsscope: " + source() + ": no such file");
            return ExitCode.USAGE;
        } catch (CaptureFormatException e) {
            err.println("tlsscope: " + source() + ": " + e.getMessage());
            return ExitCode.USAGE;
        } catch (IOException e) {
            err.println("tlsscope: " + source() + ": cannot read: " + e.getMessage());
            return ExitCode.USAGE;
        } finally {
            out.flush();
        }
    }

    private CaptureReader open() throws IOException {
        if (capture == null) {
            InputStream sample = AnalyzeCommand.class.getResourceAsStream("/samples/" + SAMPLE);
            if (sample == null) {
                throw new NoSuchFileException(SAMPLE);
            }
            return Captures.open(sample);
        }
        if ("-".equals(capture)) {
            return Captures.open(new BufferedInputStream(System.in, 1 << 16));
        }
        Path p = Path.of(capture);
        if (Files.isDirectory(p)) {
            throw new CaptureFormatException("is a directory, not a capture file");
        }
        return Captures.open(p);
    }

    private String source() {
        return capture == null ? "samples/" + SAMPLE : "-".equals(capture) ? "standard input" : capture;
    }

    private TlsListener view(PrintWriter out) {
        return switch (format) {
            case text -> new TextView(out);
            case explain -> new ExplainView(out, layers);
            case json -> new JsonView(out);
            case summary -> new SummaryView(out, tsv);
        };
    }
}
