package org.tlsscope.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A capture tool run as a child process, writing pcap to its standard output: dumpcap when it is installed
 * (it comes with tshark and is made to run unprivileged), else tcpdump. Capturing needs privileges tlsscope
 * should not hold itself, so the tool's own permission model applies. Its standard error is drained on a
 * thread of its own, so a chatty tool never blocks on a full pipe, and its last lines explain a failure.
 */
final class CaptureProcess implements AutoCloseable {
    private static final int ERROR_LINES = 20;

    private final Process process;
    private final String tool;
    private final Deque<String> errors = new ArrayDeque<>();
    private final Thread drain;

    private CaptureProcess(Process process, String tool) {
        this.process = process;
        this.tool = tool;
        this.drain = Thread.ofPlatform().daemon().name("capture-stderr").start(this::drainErrors);
    }

    /** The tools tlsscope can run, in the order it prefers them. */
    enum Tool { dumpcap, tcpdump }

    /**
     * Starts {@code tool} (null: dumpcap, else tcpdump) on {@code iface}; null when that tool (or, with none
     * asked for, either) is not on the PATH.
     */
    static CaptureProcess start(Tool tool, String iface, String filter, Integer count) throws IOException {
        String dumpcap = tool == Tool.tcpdump ? null : onPath("dumpcap");
        List<String> command = new ArrayList<>();
        if (dumpcap != null) {
            // -P: pcap rather than pcapng, -q: no packet count on stderr.
            command.addAll(List.of(dumpcap, "-P", "-q", "-i", iface, "-w", "-"));
            if (count != null) {
                command.addAll(List.of("-c", count.toString()));
            }
            if (filter != null) {
                command.addAll(List.of("-f", filter));
            }
        } else {
            String tcpdump = tool == Tool.dumpcap ? null : onPath("tcpdump");
            if (tcpdump == null) {
                return null;
            }
            // --immediate-mode and -U: each packet is written as it is captured, not when a buffer fills.
            command.addAll(List.of(tcpdump, "--immediate-mode", "-U", "-n", "-i", iface, "-w", "-"));
            if (count != null) {
                command.addAll(List.of("-c", count.toString()));
            }
            if (filter != null) {
                command.add(filter);
            }
        }
        return new CaptureProcess(new ProcessBuilder(command).start(), new File(command.getFirst()).getName());
    }

    private static String onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, name);
            if (f.isFile() && f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    InputStream packets() {
        return process.getInputStream();
    }

    String tool() {
        return tool;
    }

    private void drainErrors() {
        try (var lines = process.errorReader(StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (errors) {
                    errors.addLast(line);
                    if (errors.size() > ERROR_LINES) {
                        errors.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // The tool went away; what it said so far is kept.
        }
    }

    /** Waits for the tool to end (after its output ended) and for its last words to be read. */
    void waitFor() throws InterruptedException {
        process.waitFor();
        // Its standard error closes with it; the bound only guards against a child that inherited it. A loaded
        // machine can take seconds to let the drain read the last lines, which are the ones that explain.
        drain.join(10_000);
    }

    /** What the tool last said on its standard error, in one line. */
    String lastWords() {
        synchronized (errors) {
            return String.join(" / ", errors.stream().filter(l -> !l.isBlank()
                    && !l.startsWith("Running as user") && !l.startsWith("Capturing on")
                    && !l.contains("listening on")).toList());
        }
    }

    /** Stops the capture the way a user's Ctrl-C would: the tool flushes and exits, its output ends. */
    @Override
    public void close() {
        process.destroy();
    }
}
