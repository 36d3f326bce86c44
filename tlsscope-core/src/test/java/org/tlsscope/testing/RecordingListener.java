package org.tlsscope.testing;

import java.util.ArrayList;
import java.util.List;
import org.tlsscope.analysis.CaptureStats;
import org.tlsscope.analysis.Finding;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.connection.TlsListener;

/** Keeps everything the TLS layer reports, field trees included, for assertions. */
public class RecordingListener implements TlsListener {
    public final List<RecordEvent> records = new ArrayList<>();
    public final List<Finding> findings = new ArrayList<>();
    public final List<ConnectionReport> connections = new ArrayList<>();
    public CaptureStats stats;
    private final boolean keepApplicationData;

    public RecordingListener(boolean keepApplicationData) {
        this.keepApplicationData = keepApplicationData;
    }

    /** "client:client_hello" .. for a connection, in order. */
    public static List<String> messages(ConnectionReport r) {
        return r.messages().stream().map(m -> m.from() + ":" + m.type()).toList();
    }

    @Override
    public boolean wantsFields() {
        return true;
    }

    @Override
    public boolean wantsLayers() {
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
