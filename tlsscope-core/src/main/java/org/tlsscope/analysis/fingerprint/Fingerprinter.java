package org.tlsscope.analysis.fingerprint;

import org.tlsscope.tls.connection.ConnectionReport;

/**
 * A connection fingerprint that a view prints by name without the core knowing its algorithm: the way the
 * FoxIO-licensed JA4S of the tlsscope-ja4plus module reaches the core's views (the core never depends on
 * that module). Views take their fingerprinters from their constructor, see {@link Fingerprinters}.
 */
public interface Fingerprinter {

    /** The JSON key and column name, such as "ja4s". */
    String name();

    /** The fingerprint of the connection, or null when the report lacks what it is computed from. */
    String of(ConnectionReport report);
}
