package org.tlsscope.cli;

import java.io.PrintWriter;
import org.tlsscope.tls.connection.TlsListener;
import picocli.CommandLine.Option;

/** {@code --format} of the commands that print a live analysis: live, serve, connect and proxy. */
final class LiveFormatOption {
    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (the default: streamed record by record), json or summary (tab-separated rows)")
    LiveFormat format;

    /** Whether the user chose a format. */
    boolean given() {
        return format != null;
    }

    /** The chosen view, text when none was chosen. */
    TlsListener view(PrintWriter out) {
        return (format != null ? format : LiveFormat.text).view(out);
    }
}
