package org.tlsscope.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import org.bouncycastle.tls.ProtocolVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsscope.lab.engine.Recorder;
import org.tlsscope.lab.keylog.KeyLogSink;
import org.tlsscope.lab.pki.LabPki;
import org.tlsscope.lab.record.LinkType;
import org.tlsscope.lab.record.PcapWriter;
import org.tlsscope.lab.record.TcpSynthesizer;

class LabSessionTest {
    @TempDir
    static Path dir;

    @Test
    void tls13() throws Exception {
        LabPki pki = LabPki.loadOrCreate(dir.resolve("pki"), 2048);
        List<String> keys = Collections.synchronizedList(new ArrayList<>());
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        ByteArrayOutputStream pcap = new ByteArrayOutputStream();
        Recorder rec = new Recorder(new PcapWriter(pcap, LinkType.NULL), Clock.systemUTC(), TcpSynthesizer.MAX_MSS);
        LabSession.Result r = LabSession.run(pki, TlsOptions.MODERN, TlsOptions.MODERN,
                "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), KeyLogSink.to(keys::add), rec, log::add,
                Duration.ofSeconds(10));
        System.out.println(String.join("\n", log));
        System.out.println(String.join("\n", keys));
        System.out.println(new String(r.reply(), StandardCharsets.UTF_8) + " failure=" + r.failure());
        java.nio.file.Files.write(Path.of("/tmp/lab13.pcap"), pcap.toByteArray());
        java.nio.file.Files.write(Path.of("/tmp/lab13.keys"), keys);
    }
}
