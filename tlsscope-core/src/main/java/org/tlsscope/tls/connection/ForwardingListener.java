package org.tlsscope.tls.connection;

import org.tlsscope.analysis.CaptureStats;
import org.tlsscope.analysis.Finding;

/**
 * A listener that hands everything on to another: the base of the stages that stand between the TLS layer
 * and a view (the analysis stage, filters, counters), each overriding only what it changes.
 */
public abstract class ForwardingListener implements TlsListener {
    protected final TlsListener next;

    protected ForwardingListener(TlsListener next) {
        this.next = next;
    }

    @Override
    public void onRecord(RecordEvent event) {
        next.onRecord(event);
    }

    @Override
    public void onFinding(Finding finding) {
        next.onFinding(finding);
    }

    @Override
    public void onConnectionEnd(ConnectionReport report) {
        next.onConnectionEnd(report);
    }

    @Override
    public void onCaptureEnd(CaptureStats stats) {
        next.onCaptureEnd(stats);
    }

    @Override
    public boolean wantsRecords() {
        return next.wantsRecords();
    }

    @Override
    public boolean wantsFields() {
        return next.wantsFields();
    }

    @Override
    public boolean wantsLayers() {
        return next.wantsLayers();
    }

    @Override
    public boolean wantsApplicationData() {
        return next.wantsApplicationData();
    }
}
