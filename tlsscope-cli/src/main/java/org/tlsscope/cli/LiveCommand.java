package org.tlsscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tlsscope.capture.Captures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsscope live -i IFACE}: TLS on a network interface, analyzed as it is captured. */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = {"Captures on an interface (through dumpcap, else tcpdump, which hold the capture privileges)",
                "and prints each TLS connection's records as they arrive. Ctrl-C, --count or --duration stops it."})
final class LiveCommand implements Callable<Integer> {
    private static final Duration FLUSH = Duration.ofSeconds(10);

    @Option(names = {"-i", "--interface"}, required = true, paramLabel = "IFACE", description = "interface to capture on (lo, eth0, any)")
    String iface;

    @Option(names = {"-f", "--filter"}, paramLabel = "FILTER", description = "capture filter (pcap syntax), e.g. 'tcp port 443'")
    String filter;

    @Option(names = {"-c", "--count"}, paramLabel = "N", description = "stop after N packets")
    Integer count;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "stop after this many seconds")
    Integer duration;

    @Option(names = "--tool", paramLabel = "TOOL", description = "capture with dumpcap or tcpdump (default: dumpcap when installed, else tcpdump)")
    CaptureProcess.Tool tool;

    @Mixin
    LiveFormatOption format;

    @Mixin
    KeyOptions keys;

    @Mixin
    FailOn failOn;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = new PrintWriter(spec.commandLine().getOut(), true);
        PrintWriter err = spec.commandLine().getErr();
        CaptureProcess capture = CaptureProcess.start(tool, iface, filter, count);
        if (capture == null) {
            err.println("tlsscope: " + (tool != null ? tool + " is not on the PATH"
                    : "live capture needs dumpcap (Debian package tshark or wireshark-common) or tcpdump on the PATH"));
            return ExitCode.USAGE;
        }
        // Ctrl-C: stop the tool, then hold the JVM's exit until the pipeline has read what the tool flushed,
        // ended the open connections and printed them (bounded: a stuck pipeline does not keep it alive).
        StopHook stopOnSignal = new StopHook("live-stop", capture::close, FLUSH);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
        if (duration != null) {
            timer.schedule(capture::close, duration, TimeUnit.SECONDS);
        }
        // The run's own complaints wait: when the tool failed, its words say why, not "the capture is empty".
        StringWriter runErrors = new StringWriter();
        FailOn.Counting counted = failOn.watch(format.view(out));
        int code;
        try {
            code = counted.exitCode(CaptureRun.run(capture.tool() + " on " + iface,
                    () -> Captures.openLive(capture.packets()), keys, counted, out,
                    new PrintWriter(runErrors, true)));
        } finally {
            timer.shutdownNow();
            capture.close();
            out.flush();
            stopOnSignal.close();
        }
        capture.waitFor();
        String said = capture.lastWords();
        if (code != ExitCode.OK && code != ExitCode.FINDINGS && !said.isEmpty()) {
            err.println("tlsscope: " + capture.tool() + " on " + iface + ": " + explain(said));
            return ExitCode.USAGE;
        }
        err.print(runErrors);
        err.flush();
        return code;
    }

    /** The tool's words, with what to do about the usual failures. */
    private String explain(String said) {
        String lower = said.toLowerCase(Locale.ROOT);
        if (lower.contains("permission") || lower.contains("not permitted")) {
            return said + " (capturing needs root, or give the tool the capabilities: setcap cap_net_raw,cap_net_admin=eip on it)";
        }
        if (lower.contains("no such device") || lower.contains("doesn't exist") || lower.contains("no such interface")) {
            return "no such interface (" + said + ")";
        }
        return said;
    }
}
