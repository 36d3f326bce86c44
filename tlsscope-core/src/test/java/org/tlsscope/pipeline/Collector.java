package org.tlsscope.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.testing.RecordingListener;

/** Runs the whole pipeline on a capture and keeps everything it reports, for assertions. */
public final class Collector extends RecordingListener {
    private Collector(boolean keepApplicationData) {
        super(keepApplicationData);
    }

    public static Collector analyze(Path capture) throws IOException {
        return analyze(capture, false);
    }

    public static Collector analyze(Path capture, boolean keepApplicationData) throws IOException {
        Collector c = new Collector(keepApplicationData);
        try (CaptureReader reader = Captures.open(capture)) {
            Analyzer.run(reader, c);
        }
        return c;
    }
}
