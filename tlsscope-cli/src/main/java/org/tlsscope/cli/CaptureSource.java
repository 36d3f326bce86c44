package org.tlsscope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.tlsscope.capture.CaptureFormatException;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import picocli.CommandLine.Parameters;

/** The capture argument every reading command takes: a file, - for standard input, or the post's session. */
final class CaptureSource {
    static final String SAMPLE = "post-session.pcap";

    @Parameters(index = "0", arity = "0..1", paramLabel = "CAPTURE",
            description = "pcap or pcapng file, optionally gzip-compressed; - reads standard input as a stream;"
                    + " none: the post's own session")
    String capture;

    boolean isStdin() {
        return "-".equals(capture);
    }

    CaptureReader open() throws IOException {
        if (capture == null) {
            InputStream sample = CaptureSource.class.getResourceAsStream("/samples/" + SAMPLE);
            if (sample == null) {
                throw new NoSuchFileException(SAMPLE);
            }
            return Captures.open(sample);
        }
        if (isStdin()) {
            // Maybe a live capture (tcpdump -w -): read as it comes, the analysis told when it is quiet.
            return Captures.openLive(System.in);
        }
        Path p = Path.of(capture);
        if (Files.isDirectory(p)) {
            throw new CaptureFormatException("is a directory, not a capture file");
        }
        return Captures.open(p);
    }

    /** How messages name the input. */
    String name() {
        return capture == null ? "samples/" + SAMPLE : isStdin() ? "standard input" : capture;
    }
}
