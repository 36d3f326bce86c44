package org.tlsscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import org.tlsscope.analysis.CaptureStats;
import org.tlsscope.capture.CaptureFormatException;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.decrypt.Decryption;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.tls.connection.TlsListener;

/**
 * Runs the pipeline for a command: loads the keys, opens the capture, reports through the command's
 * listener, and turns every problem into one line and a documented exit code.
 */
final class CaptureRun {
    private CaptureRun() {
    }

    /** Opens the capture to read: a file, standard input, a capture process's output. */
    interface Opener {
        CaptureReader open() throws IOException;
    }

    static int run(CaptureSource source, KeyOptions keys, TlsListener listener, PrintWriter out, PrintWriter err) {
        return run(source.name(), source::open, keys, listener, out, err);
    }

    /** Same, for any input; {@code name} is how messages call it. */
    static int run(String name, Opener input, KeyOptions keys, TlsListener listener, PrintWriter out, PrintWriter err) {
        Decryption decryption;
        try {
            decryption = keys.load(err);
        } catch (IOException e) {
            err.println("tlsscope: " + e.getMessage());
            return ExitCode.USAGE;
        }
        try (CaptureReader reader = input.open()) {
            CaptureStats stats = Analyzer.run(reader, listener, decryption);
            out.flush();
            KeyOptions.audit(decryption, err);
            if (stats.problem() != null) {
                err.println("tlsscope: warning: " + name + ": capture ends early: " + stats.problem());
                return ExitCode.TRUNCATED;
            }
            return ExitCode.OK;
        } catch (NoSuchFileException e) {
            err.println("tlsscope: " + name + ": no such file");
            return ExitCode.USAGE;
        } catch (CaptureFormatException e) {
            err.println("tlsscope: " + name + ": " + e.getMessage());
            return ExitCode.USAGE;
        } catch (IOException e) {
            err.println("tlsscope: " + name + ": cannot read: " + e.getMessage());
            return ExitCode.USAGE;
        } finally {
            out.flush();
        }
    }
}
