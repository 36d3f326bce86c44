package org.tlsscope.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tlsscope.analysis.CaptureStats;
import org.tlsscope.analysis.Finding;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.connection.TlsListener;

/** Runs the whole pipeline on a capture and keeps everything it reports, for assertions. */
public final class Collector implements TlsListener {
    public final List<RecordEvent> records = new ArrayList<>();
    public final List<Finding> findings = new ArrayList<>();
    public final List<ConnectionReport> connections = new ArrayList<>();
    public CaptureStats stats;
    private final boolean keepApplicationData;

    private Collector(boolean keepApplicationData) {
        this.keepApplicationData = keepApplicationData;
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

    /** "client:client_hello" .. per connection, in order. */
    public static List<String> messages(ConnectionReport r) {
        return r.messages().stream().map(m -> m.from() + ":" + m.type()).toList();
    }

    @Override
    public boolean wantsFields() {
        return true;
    }

    @Override
    public boolean wantsApplicationData() {
        return keepApplicationData;
    }

    @Override
    public void onRecord(RecordEvent event) {
        records.add(event);
    }

    @Override
    public void onFinding(Finding finding) {
        findings.add(finding);
    }

    @Override
    public void onConnectionEnd(ConnectionReport report) {
        connections.add(report);
    }

    @Override
    public void onCaptureEnd(CaptureStats s) {
        stats = s;
    }
}
