package org.tlsscope.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.tlsscope.lab.engine.Recorder;
import org.tlsscope.lab.keylog.KeyLogSink;
import org.tlsscope.lab.record.LinkType;
import org.tlsscope.lab.record.PcapWriter;
import org.tlsscope.lab.record.TcpSynthesizer;
import picocli.CommandLine.Option;

/** {@code --record FILE} and {@code --keylog FILE} of serve and connect, and the lab directory. */
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

    Recorder recorder() throws IOException {
        if (record == null) {
            return null;
        }
        if (mss < 1 || mss > TcpSynthesizer.MAX_MSS) {
            throw new IOException("--mss must be 1.." + TcpSynthesizer.MAX_MSS);
        }
        writer = new PcapWriter(new BufferedOutputStream(Files.newOutputStream(record), 1 << 16),
                link == Link.ethernet ? LinkType.ETHERNET : LinkType.NULL);
        return new Recorder(writer, Clock.systemUTC(), mss);
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
