package org.tlsscope.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** tlsscope's command line: one subcommand per job. Exit codes are documented in {@link ExitCode}. */
@Command(name = "tlsscope", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Reads TLS sessions out of packet captures, flight by flight, field by field.",
        subcommands = {AnalyzeCommand.class, FollowCommand.class, CertsCommand.class, LiveCommand.class, ProxyCommand.class, LabCommand.class, ServeCommand.class, ConnectCommand.class, TrainCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line with the given output streams; returns the exit code. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // A user never sees a stack trace: one line, and a documented exit code.
            cmd.getErr().println("tlsscope: internal error: " + e);
            if (System.getenv("TLSSCOPE_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return ExitCode.INTERNAL;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("tlsscope: " + e.getMessage());
            e.getCommandLine().getErr().println("Try 'tlsscope " + (e.getCommandLine().getCommandName().equals("tlsscope")
                    ? "" : e.getCommandLine().getCommandName() + " ") + "--help'.");
            return ExitCode.USAGE;
        });
        return cli.execute(args);
    }
}
