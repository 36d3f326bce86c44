package org.tlsscope.analysis.fingerprint;

import java.util.List;

/**
 * The fingerprints a view prints beyond the core's own JA3, JA3S and JA4.
 *
 * <p>The views take them as a constructor argument rather than looking them up with a
 * {@link java.util.ServiceLoader}: JA4S and JA4X are under the FoxIO License 1.1, and whoever embeds the
 * core should get them only by asking for them in code, not because a jar happens to be on the class
 * path; the core's own output (and its snapshot tests) then never depends on the class path either. The
 * command line, which depends on tlsscope-ja4plus, passes that module's fingerprinters.
 *
 * @param connection  fingerprints of a connection, such as JA4S
 * @param certificate fingerprints of each certificate of the server's chain, such as JA4X
 */
public record Fingerprinters(List<Fingerprinter> connection, List<CertificateFingerprinter> certificate) {
    /** Only the core's fingerprints. */
    public static final Fingerprinters NONE = new Fingerprinters(List.of(), List.of());

    public Fingerprinters {
        connection = List.copyOf(connection);
        certificate = List.copyOf(certificate);
    }
}
