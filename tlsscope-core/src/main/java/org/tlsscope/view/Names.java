package org.tlsscope.view;

import org.tlsscope.analysis.CaptureStats;
import org.tlsscope.tls.registry.Registries;

/** How the views print the values every view shows. */
final class Names {
    private Names() {
    }

    /** Why a connection was not decrypted when no key material was given at all. */
    static final String NO_KEYS = "no keys given (--keylog, --rsa-key, or a Decryption Secrets Block in the capture)";

    /** "TLS 1.2", or null when no version was negotiated. */
    static String version(int version) {
        return version == 0 ? null : Registries.PROTOCOL_VERSIONS.name(version);
    }

    /** The IANA suite name, or null before a ServerHello. */
    static String cipherSuite(int suite) {
        return suite < 0 ? null : Registries.CIPHER_SUITES.name(suite);
    }

    static String alertLevel(Integer level) {
        return level == null ? null : Registries.ALERT_LEVELS.name(level);
    }

    static String alertDescription(Integer description) {
        return description == null ? null : Registries.ALERT_DESCRIPTIONS.name(description);
    }

    /** The closing line of the text and explain views. */
    static String captureLine(CaptureStats stats) {
        return stats.frames() + " frames, " + stats.tcpConnections() + " TCP connections, " + stats.tlsConnections()
                + " with TLS";
    }
}
