package org.tlsscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** tlsscope's command line: one subcommand per job. Exit codes are documented in {@link ExitCode}. */
@Command(name = "tlsscope", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Reads TLS sessions out of packet captures, flight by flight, field by field.",
        subcommands = {AnalyzeCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
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
