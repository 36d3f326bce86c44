package org.tlsscope.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.tlsscope.lab.engine.Recorder;
import org.tlsscope.lab.keylog.KeyLogSink;
import org.tlsscope.lab.live.LiveFeed;
import org.tlsscope.lab.live.Tee;
import org.tlsscope.lab.record.LinkType;
import org.tlsscope.lab.record.PcapWriter;
import org.tlsscope.lab.record.TcpSynthesizer;
import picocli.CommandLine.Option;

/** {@code --record FILE} and {@code --keylog FILE} of serve and connect, and the files they write. */
final class LabOutput implements AutoCloseable {
    enum Link { loopback, ethernet }

    @Option(names = "--record", paramLabel = "FILE", description = "write the connections as a pcap (synthesized TCP over IPv4 or IPv6; no root needed)")
    Path record;

    @Option(names = "--keylog", paramLabel = "FILE", description = "append the sessions' secrets as an NSS key log (SSLKEYLOGFILE format)")
    Path keyLog;

    @Option(names = "--link", defaultValue = "loopback", paramLabel = "TYPE", description = "recording link layer: loopback (default, like the post) or ethernet")
    Link link;

    @Option(names = "--mss", defaultValue = "" + TcpSynthesizer.MAX_MSS, paramLabel = "BYTES",
            description = "largest TCP payload per recorded segment (default ${DEFAULT-VALUE}: one 64 KiB packet)")
    int mss;

    private PcapWriter writer;
    private java.io.Writer keys;

    /** The connections to --record's file; null without --record (the load mode's recording). */
    Recorder recorder() throws IOException {
        PcapWriter file = file();
        return file == null ? null : new Recorder(file, Clock.systemUTC(), mss);
    }

    /**
     * The connections to the live analysis, and to --record's file when given: the same packets, so that the
     * analysis's frame numbers are the recording's.
     */
    Recorder recorder(LiveFeed analysis) throws IOException {
        return new Recorder(new Tee(analysis, file(), analysis::note), Clock.systemUTC(), mss);
    }

    /** A bad --mss, or null. */
    String usageError() {
        return mss < 1 || mss > TcpSynthesizer.MAX_MSS ? "--mss must be 1.." + TcpSynthesizer.MAX_MSS : null;
    }

    /** Why --record's or --keylog's file cannot be opened, in one line. */
    static String cannotWrite(IOException e) {
        return switch (e) {
            case NoSuchFileException n -> "cannot write " + n.getFile() + ": no such directory";
            case AccessDeniedException a -> "cannot write " + a.getFile() + ": permission denied";
            case FileSystemException f -> "cannot write " + f.getFile() + (f.getReason() == null ? "" : ": " + f.getReason());
            default -> "cannot write: " + e.getMessage();
        };
    }

    private PcapWriter file() throws IOException {
        if (record == null) {
            return null;
        }
        writer = new PcapWriter(new BufferedOutputStream(Files.newOutputStream(record), 1 << 16),
                link == Link.ethernet ? LinkType.ETHERNET : LinkType.NULL);
        return writer;
    }

    KeyLogSink keyLogSink() throws IOException {
        if (keyLog == null) {
            return KeyLogSink.none();
        }
        keys = Files.newBufferedWriter(keyLog, StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return KeyLogSink.to(keys);
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
        if (keys != null) {
            keys.close();
        }
    }
}
