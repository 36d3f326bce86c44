package org.tlsscope.analysis.fingerprint;

import org.tlsscope.tls.ext.Extensions;
import org.tlsscope.tls.handshake.ServerHello;

/**
 * JA3S, the server fingerprint of salesforce/ja3 (BSD-3-Clause): the decimal string
 * {@code SSLVersion,Cipher,SSLExtension} of the ServerHello (legacy_version, the chosen suite, the
 * extension types in wire order) and its MD5.
 *
 * <p>GREASE: the reference {@code ja3s.py} keeps every extension type, while Wireshark's
 * {@code tls.handshake.ja3s} drops the RFC 8701 values, as JA3 does for the client (checked with tshark
 * 4.0 on a ServerHello carrying 0x4a4a). tlsscope drops them, like Wireshark: the two fingerprints then
 * agree on what "an extension" is, and the most used implementation agrees with us. The difference is
 * theoretical in practice: RFC 8701 section 4 lets a server GREASE only CertificateRequest and
 * NewSessionTicket extensions, and a client must reject an unknown extension in a ServerHello
 * (RFC 8446 section 4.2), so no working ServerHello carries one.
 *
 * <p>Computed on the connection's first ServerHello, which is the HelloRetryRequest when there is one
 * (Wireshark fingerprints it too, and tshark's first {@code ja3s} of the stream is that one).
 *
 * @param full the JA3S string
 * @param hash its MD5, lower-case hex
 */
public record Ja3s(String full, String hash) {

    public static Ja3s of(ServerHello hello) {
        String full = hello.legacyVersion() + "," + hello.cipherSuite() + ","
                + Ja3.decimal(Extensions.types(hello.extensions()), true);
        return new Ja3s(full, Digests.md5(full));
    }
}
