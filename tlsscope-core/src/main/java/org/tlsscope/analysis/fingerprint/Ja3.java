package org.tlsscope.analysis.fingerprint;

import java.util.List;
import org.tlsscope.tls.ext.EcPointFormats;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.ext.Extensions;
import org.tlsscope.tls.ext.SupportedGroups;
import org.tlsscope.tls.handshake.ClientHello;
import org.tlsscope.tls.registry.Grease;

/**
 * JA3, the client fingerprint of salesforce/ja3 (BSD-3-Clause): the decimal string
 * {@code SSLVersion,Cipher,SSLExtension,EllipticCurve,EllipticCurvePointFormat} and its MD5.
 *
 * <p>Per the Salesforce README and {@code ja3.py}: the version is the ClientHello's legacy_version (never
 * the record's nor supported_versions'); ciphers, extension types and supported_groups in wire order with
 * the RFC 8701 GREASE values removed (SCSVs, SNI and padding kept); ec_point_formats as sent; a missing
 * list is an empty field, its commas kept. Wireshark's {@code tls.handshake.ja3} is the same, computed on
 * the reassembled hello, as here.
 *
 * <p>Computed on the connection's first ClientHello. After a HelloRetryRequest the client sends a second
 * one; JA3, like Wireshark (which fingerprints every hello) and the FoxIO tools for JA4, keeps the first.
 * An SSL 2.0-format ClientHello has no JA3: it has no extensions and its three-byte cipher specs have
 * no decimal form in the specification (Wireshark computes none either).
 *
 * @param full the JA3 string
 * @param hash its MD5, lower-case hex
 */
public record Ja3(String full, String hash) {

    public static Ja3 of(ClientHello hello) {
        List<Extension> extensions = hello.extensions();
        String full = hello.legacyVersion()
                + "," + decimal(hello.cipherSuites(), true)
                + "," + decimal(Extensions.types(extensions), true)
                + "," + Extensions.find(extensions, SupportedGroups.class)
                        .map(g -> decimal(g.namedGroupList(), true)).orElse("")
                + "," + Extensions.find(extensions, EcPointFormats.class)
                        .map(f -> decimal(f.ecPointFormatList(), false)).orElse("");
        return new Ja3(full, Digests.md5(full));
    }

    /** Values in order, dash-joined, without the two-byte GREASE values where those can occur. */
    static String decimal(List<Integer> values, boolean dropGrease) {
        StringBuilder sb = new StringBuilder(values.size() * 6);
        for (int v : values) {
            if (dropGrease && Grease.is(v)) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('-');
            }
            sb.append(v);
        }
        return sb.toString();
    }
}
