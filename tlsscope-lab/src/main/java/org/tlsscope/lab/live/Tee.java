package org.tlsscope.lab.live;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;
import org.tlsscope.lab.record.PacketSink;

/**
 * Synthesized packets to the live analysis and to the recording (the proxy's, serve's, connect's): a recording
 * that fails (a full disk) stops, with one line saying why, and the analysis goes on.
 */
public final class Tee implements PacketSink {
    private final PacketSink analysis;
    private final Consumer<String> log;
    private PacketSink recording;

    /** {@code recording} null: the analysis alone. */
    public Tee(PacketSink analysis, PacketSink recording, Consumer<String> log) {
        this.analysis = analysis;
        this.recording = recording;
        this.log = log;
    }

    @Override
    public void write(Instant time, byte[] ip) throws IOException {
        analysis.write(time, ip);
        if (recording != null) {
            try {
                recording.write(time, ip);
            } catch (IOException e) {
                failed(e);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        analysis.flush();
        if (recording != null) {
            try {
                recording.flush();
            } catch (IOException e) {
                failed(e);
            }
        }
    }

    private void failed(IOException e) {
        recording = null;
        log.accept("recording stopped: " + e.getMessage());
    }
}
