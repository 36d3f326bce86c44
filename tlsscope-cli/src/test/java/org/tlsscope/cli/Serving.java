package org.tlsscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * {@code tlsscope serve} in-process on a free loopback port, as a user runs it (give it
 * --max-connections, so that it ends), with its output kept: the analysis on standard output, the
 * connections' ends on standard error; and {@code connect} against it.
 */
final class Serving implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (?:127\\.0\\.0\\.1|\\[::1\\]):(\\d+) ");

    final int port;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exit;

    Serving(Path pki, String... options) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--pki", pki.toString()));
        args.addAll(List.of(options));
        exit = CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                args.toArray(String[]::new)));
        Matcher m = LISTENING.matcher("");
        for (int i = 0; i < 400 && !exit.isDone() && !(m = LISTENING.matcher(err.toString())).find(); i++) {
            Thread.sleep(50);
        }
        assertThat(err.toString()).as("serve started").contains("listening on");
        port = Integer.parseInt(m.group(1));
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Waits (up to 20 s) until serve has printed {@code line} on standard error (a connection's end). */
    void awaitLine(String line) throws InterruptedException {
        for (int i = 0; i < 2_000 && !err().lines().toList().contains(line); i++) {
            Thread.sleep(10);
        }
        assertThat(err().lines()).contains(line);
    }

    /** serve's exit code, once it has served its --max-connections. */
    int exit() throws Exception {
        return exit.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        exit();
    }

    /** serve as a process of its own (to signal it, or to give it its own heap), with its output in files. */
    record Process(java.lang.Process process, int port, Path outFile, Path errFile) {
        String out() throws IOException {
            return Files.readString(outFile);
        }

        String err() throws IOException {
            return Files.readString(errFile);
        }
    }

    /** Starts {@code java JVM_OPTIONS ... Main serve --port 0 --pki PKI SERVE_OPTIONS} and waits until it listens. */
    static Process process(Path dir, List<String> jvmOptions, Path pki, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0",
                "--pki", pki.toString()));
        command.addAll(List.of(options));
        Path out = Files.createTempFile(dir, "serve", ".out");
        Path err = Files.createTempFile(dir, "serve", ".err");
        java.lang.Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        Matcher m = LISTENING.matcher("");
        for (int i = 0; i < 400 && p.isAlive() && !(m = LISTENING.matcher(Files.readString(err))).find(); i++) {
            Thread.sleep(50);
        }
        assertThat(Files.readString(err)).as("serve started").contains("listening on");
        return new Process(p, Integer.parseInt(m.group(1)), out, err);
    }

    /**
     * What {@code tlsscope connect} printed: its exit code, standard output as a user sees it (the analysis or the
     * load tally, then the reply), the reply alone, and standard error.
     */
    record Connected(int code, String out, String reply, String err) {
    }

    /** {@code tlsscope connect ARGS}. */
    static Connected connect(String... args) {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ConnectCommand connect = new ConnectCommand();
        connect.replyOut = reply;
        CommandLine cli = new CommandLine(connect);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        String replied = reply.toString(StandardCharsets.UTF_8);
        return new Connected(code, out + replied, replied, err.toString());
    }
}
