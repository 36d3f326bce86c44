package org.tlsscope.cli;

/** The exit codes every subcommand uses (listed in the README). */
final class ExitCode {
    /** The analysis ran to the end of the input. */
    static final int OK = 0;
    /** The command ran but found nothing to give: follow with no decrypted data for the connection asked. */
    static final int NOTHING = 1;
    /** Bad command line, an input that cannot be opened, or a file that is not a capture. */
    static final int USAGE = 2;
    /** The capture was cut short or damaged: everything before the damage was analyzed. */
    static final int TRUNCATED = 3;
    /** Findings at or above the --fail-on severity were reported (the analysis itself ran to the end). */
    static final int FINDINGS = 4;
    /** connect, lab: the TLS connection failed or did not end cleanly (the reason in one line on stderr). */
    static final int CONNECTION = 5;
    /** A bug in tlsscope (reported in one line; TLSSCOPE_DEBUG=1 shows the stack trace). */
    static final int INTERNAL = 70;

    private ExitCode() {
    }
}
