package org.tlsscope.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tlsscope.ja4plus.Ja4Plus;
import org.tlsscope.tls.connection.TlsListener;
import org.tlsscope.view.ConnectionFilter;
import org.tlsscope.view.ExplainView;
import org.tlsscope.view.JsonView;
import org.tlsscope.view.SummaryView;
import org.tlsscope.view.TextView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsscope analyze [CAPTURE]}: every TLS connection of a capture, in one of four views. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Reads a capture (pcap, pcapng, gzip-compressed, or - for standard input) and prints every TLS",
                "connection in it. With no capture, analyzes the post's own session (samples/post-session.pcap)."})
final class AnalyzeCommand implements Callable<Integer> {
    enum Format { text, explain, json, summary }

    @Mixin
    CaptureSource source;

    @Mixin
    KeyOptions keys;

    @Mixin
    FailOn failOn;

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
        PrintWriter out = source.isStdin() ? new PrintWriter(spec.commandLine().getOut(), true)
                : spec.commandLine().getOut();
        TlsListener view = connection == null && server == null && sni == null ? view(out)
                : new ConnectionFilter(view(out), connection, server, sni);
        FailOn.Counting counted = failOn.watch(view);
        return counted.exitCode(CaptureRun.run(source, keys, counted, out, spec.commandLine().getErr()));
    }

    private TlsListener view(PrintWriter out) {
        return switch (format) {
            case text -> new TextView(out, Ja4Plus.fingerprinters(), source.isStdin());
            case explain -> new ExplainView(out, layers, Ja4Plus.fingerprinters());
            case json -> new JsonView(out, Ja4Plus.fingerprinters());
            case summary -> new SummaryView(out, tsv, Ja4Plus.fingerprinters());
        };
    }
}
