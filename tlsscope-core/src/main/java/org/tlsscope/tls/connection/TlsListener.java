package org.tlsscope.tls.connection;

import org.tlsscope.analysis.CaptureStats;
import org.tlsscope.analysis.Finding;

/** What the TLS layer reports, as it happens. Views implement it. */
public interface TlsListener {
    default void onRecord(RecordEvent event) {
    }

    default void onFinding(Finding finding) {
    }

    default void onConnectionEnd(ConnectionReport report) {
    }

    /** The capture has been read to its end (or to the point where it was cut). */
    default void onCaptureEnd(CaptureStats stats) {
    }

    /**
     * Whether this listener looks at records one by one ({@link #onRecord}). When no listener does, as for a
     * summary, the TLS layer still reads every record but builds no event or label for it.
     */
    default boolean wantsRecords() {
        return true;
    }

    /**
     * Whether this listener reads the field trees of records and messages (explain, JSON). When no
     * listener does, messages are dissected and checked without building them.
     */
    default boolean wantsFields() {
        return false;
    }

    /**
     * Whether this listener shows the link, IP and TCP headers of the packets (explain --layers). When no
     * listener does, the decoder does not record where they are.
     */
    default boolean wantsLayers() {
        return false;
    }

    /**
     * Whether this listener looks at application data bytes (the explain view dumps them). When no
     * listener does, application data is skipped by its length without being copied.
     */
    default boolean wantsApplicationData() {
        return false;
    }
}
