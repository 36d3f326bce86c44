package org.tlsscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tlsscope.view.CertificatesView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsscope certs CAPTURE [--export DIR]}: the certificates of every connection, listed or written as PEM. */
@Command(name = "certs", mixinStandardHelpOptions = true,
        description = {"Lists every certificate of every connection (decrypted TLS 1.3 chains too, given keys) field",
                "by field with the server chain's verdict, or writes each distinct one to DIR/<sha256>.pem (--export DIR)."})
final class CertsCommand implements Callable<Integer> {
    @Mixin
    CaptureSource source;

    @Mixin
    KeyOptions keys;

    @Option(names = "--export", paramLabel = "DIR", description = "write each distinct certificate as DIR/<sha256>.pem")
    Path export;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (export != null) {
            try {
                Files.createDirectories(export);
            } catch (IOException e) {
                err.println("tlsscope: " + export + ": cannot create the directory: " + e.getMessage());
                return ExitCode.USAGE;
            }
        }
        CertificatesView view = new CertificatesView(out, export);
        int code = CaptureRun.run(source, keys, view, out, err);
        if (code == ExitCode.OK && view.certificates() == 0) {
            err.println("tlsscope: no readable certificate in " + source.name()
                    + (keys.keyLogs.isEmpty() ? " (a TLS 1.3 chain is encrypted: --keylog FILE)" : ""));
            return ExitCode.NOTHING;
        }
        return code;
    }
}
