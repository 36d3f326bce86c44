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

    static int run(CaptureSource source, KeyOptions keys, TlsListener listener, PrintWriter out, PrintWriter err) {
        Decryption decryption;
        try {
            decryption = keys.load(err);
        } catch (IOException e) {
            err.println("tlsscope: " + e.getMessage());
            return ExitCode.USAGE;
        }
        try (CaptureReader reader = source.open()) {
            CaptureStats stats = Analyzer.run(reader, listener, decryption);
            out.flush();
            KeyOptions.audit(decryption, err);
            if (stats.problem() != null) {
                err.println("tlsscope: warning: " + source.name() + ": capture ends early: " + stats.problem());
                return ExitCode.TRUNCATED;
            }
            return ExitCode.OK;
        } catch (NoSuchFileException e) {
            err.println("tlsscope: " + source.name() + ": no such file");
            return ExitCode.USAGE;
        } catch (CaptureFormatException e) {
            err.println("tlsscope: " + source.name() + ": " + e.getMessage());
            return ExitCode.USAGE;
        } catch (IOException e) {
            err.println("tlsscope: " + source.name() + ": cannot read: " + e.getMessage());
            return ExitCode.USAGE;
        } finally {
            out.flush();
        }
    }
}
