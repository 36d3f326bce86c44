package org.tlsscope.analysis.fingerprint;

import org.tlsscope.tls.connection.ConnectionReport;

/**
 * The core's fingerprints of one connection, each null when the hello it is taken from was not seen (a
 * capture that begins after the handshake, or an SSL 2.0-format ClientHello).
 */
public record HelloFingerprints(Ja3 ja3, Ja3s ja3s, Ja4 ja4) {

    public static HelloFingerprints of(ConnectionReport report) {
        return new HelloFingerprints(
                report.clientHello() == null ? null : Ja3.of(report.clientHello()),
                report.serverHello() == null ? null : Ja3s.of(report.serverHello()),
                report.clientHello() == null ? null : Ja4.of(report.clientHello()));
    }
}
