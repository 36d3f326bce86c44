package org.tlsscope.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tlsscope.tcp.Direction;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.TlsListener;
import org.tlsscope.view.FollowView;
import org.tlsscope.view.StreamExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsscope follow CAPTURE --connection N}: a connection's decrypted application data, like Follow TLS Stream. */
@Command(name = "follow", mixinStandardHelpOptions = true,
        description = {"Writes the decrypted application data of one connection (--connection N), both directions",
                "interleaved or one of them, or of every connection as files (--export DIR)."})
final class FollowCommand implements Callable<Integer> {
    enum Side { client, server, both }

    @Mixin
    CaptureSource source;

    @Mixin
    KeyOptions keys;

    @Option(names = "--connection", paramLabel = "N", description = "the connection to follow (as numbered by analyze)")
    Integer connection;

    @Option(names = "--direction", defaultValue = "both", description = "client, server or both (default, in capture order)")
    Side direction;

    @Option(names = "--as", defaultValue = "text", paramLabel = "MODE",
            description = "text (default: printable bytes, one header per turn), hex, or raw (the bytes exactly)")
    FollowView.Mode mode;

    @Option(names = "--export", paramLabel = "DIR",
            description = "write every connection's streams to DIR as connection-N-client.bin and connection-N-server.bin")
    Path export;

    /** The raw bytes go to the process's standard output; tests give their own stream. */
    OutputStream rawOut = System.out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((connection == null) == (export == null)) {
            err.println("tlsscope: follow needs either --connection N or --export DIR");
            return ExitCode.USAGE;
        }
        if (export != null) {
            return exportAll(out, err);
        }
        Direction only = switch (direction) {
            case client -> Direction.CLIENT_TO_SERVER;
            case server -> Direction.SERVER_TO_CLIENT;
            case both -> null;
        };
        FollowView view = new FollowView(rawOut, connection, only, mode);
        int code = CaptureRun.run(source, keys, view, out, err);
        rawOut.flush();
        if (code != ExitCode.OK && code != ExitCode.TRUNCATED) {
            return code;
        }
        ConnectionReport report = view.report();
        if (report == null) {
            err.println("tlsscope: " + source.name() + " has no TLS connection " + connection);
            return ExitCode.NOTHING;
        }
        if (view.bytes() == 0) {
            String why = report.decryption() == null ? "no keys given (--keylog or --rsa-key)"
                    : report.decryption().reason() != null ? report.decryption().reason() : "it carries no application data";
            err.println("tlsscope: connection " + connection + ": nothing to follow: " + why);
            return ExitCode.NOTHING;
        }
        return code;
    }

    private int exportAll(PrintWriter out, PrintWriter err) throws IOException {
        try {
            Files.createDirectories(export);
        } catch (IOException e) {
            err.println("tlsscope: " + export + ": cannot create the directory: " + e.getMessage());
            return ExitCode.USAGE;
        }
        StreamExport exporter = new StreamExport(export);
        TlsListener listener = exporter;
        int code = CaptureRun.run(source, keys, listener, out, err);
        for (StreamExport.Written w : exporter.written()) {
            out.printf("connection %d: %s %d bytes -> %s%n", w.connection(), w.from(), w.bytes(), w.file());
        }
        out.flush();
        if (code == ExitCode.OK && exporter.written().isEmpty()) {
            err.println("tlsscope: no decrypted application data in " + source.name());
            return ExitCode.NOTHING;
        }
        return code;
    }
}
