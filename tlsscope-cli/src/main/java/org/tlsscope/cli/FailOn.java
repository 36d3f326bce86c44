package org.tlsscope.cli;

import org.tlsscope.analysis.Finding;
import org.tlsscope.analysis.Severity;
import org.tlsscope.tls.connection.ForwardingListener;
import org.tlsscope.tls.connection.TlsListener;
import picocli.CommandLine.Option;

/** {@code --fail-on warning|error}: findings at or above a severity become exit code 4, for CI pipelines. */
final class FailOn {
    enum Level { warning, error }

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "exit with 4 when a finding of this severity or worse is reported: warning or error")
    Level level;

    /** Wraps a view so that the findings reaching it are counted against the level. */
    Counting watch(TlsListener view) {
        return new Counting(view, level == null ? null : Severity.valueOf(level.name().toUpperCase(java.util.Locale.ROOT)));
    }

    /** Passes everything to the view; remembers whether a finding reached the threshold. */
    static final class Counting extends ForwardingListener {
        private final Severity threshold;
        private int reached;

        Counting(TlsListener view, Severity threshold) {
            super(view);
            this.threshold = threshold;
        }

        /** The exit code once the run gave {@code code}: 4 if findings reached the threshold and nothing worse happened. */
        int exitCode(int code) {
            return code == ExitCode.OK && reached > 0 ? ExitCode.FINDINGS : code;
        }

        @Override
        public void onFinding(Finding finding) {
            if (threshold != null && finding.severity().compareTo(threshold) >= 0) {
                reached++;
            }
            next.onFinding(finding);
        }
    }
}
