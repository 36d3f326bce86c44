package org.tlsscope.analysis.fingerprint;

import org.tlsscope.bytes.Slice;

/**
 * A fingerprint of one DER certificate, printed by name for each certificate of the server's chain that
 * travelled in the clear or was decrypted: the way the FoxIO-licensed JA4X of the tlsscope-ja4plus module
 * reaches the core's views.
 */
public interface CertificateFingerprinter {

    /** The JSON key and text label, such as "ja4x". */
    String name();

    /** The fingerprint of the certificate, or null when its DER does not parse far enough. */
    String of(Slice der);
}
