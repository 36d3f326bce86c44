package org.tlsscope.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** tlsscope's command line: one subcommand per job. Exit codes are documented in {@link ExitCode}. */
@Command(name = "tlsscope", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Reads TLS sessions out of packet captures, flight by flight, field by field.")
public final class Main {
    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(AnalyzeCommand.class, FollowCommand.class, CertsCommand.class,
            LiveCommand.class, ProxyCommand.class, LabCommand.class, ServeCommand.class, ConnectCommand.class,
            TrainCommand.class, CommandLine.HelpCommand.class);

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        // A thread of a command (an analysis, a report worker) that dies: one line too, never the JVM's trace.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> internalError(err, thread.getName() + ": ", e));
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line with the given output streams; returns the exit code. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(args.length > 0 ? args[0] : "");
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> internalError(cmd.getErr(), "", e));
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("tlsscope: " + e.getMessage());
            e.getCommandLine().getErr().println("Try 'tlsscope " + (e.getCommandLine().getCommandName().equals("tlsscope")
                    ? "" : e.getCommandLine().getCommandName() + " ") + "--help'.");
            return ExitCode.USAGE;
        });
        try {
            return cli.execute(args);
        } catch (Error e) {
            // picocli hands its handler exceptions only: an error (out of memory, a stack overflow) arrives here.
            return internalError(err, "", e);
        }
    }

    /**
     * The command line with the subcommand {@code first} names, or with all of them when it names none (help,
     * --version, a mistyped name). picocli reflects over a command's whole model, and loads every class it
     * touches, when the command is added: adding all of them cost every run some 0.13 s of its start.
     */
    static CommandLine commandLine(String first) {
        CommandLine cli = new CommandLine(new Main());
        List<Class<?>> named = COMMANDS.stream().filter(c -> c.getAnnotation(Command.class).name().equals(first)).toList();
        for (Class<?> command : named.isEmpty() || first.equals("help") ? COMMANDS : named) {
            cli.addSubcommand(command);
        }
        return cli;
    }

    /** A user never sees a stack trace: one line, and a documented exit code ({@code TLSSCOPE_DEBUG=1}: the trace too). */
    private static int internalError(PrintWriter err, String where, Throwable e) {
        err.println("tlsscope: internal error: " + where + e);
        if (System.getenv("TLSSCOPE_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.INTERNAL;
    }
}
