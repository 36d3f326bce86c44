package org.tlsscope.ja4plus;

import java.util.HexFormat;
import org.tlsscope.analysis.fingerprint.Digests;
import org.tlsscope.analysis.fingerprint.Ja4;
import org.tlsscope.tls.ext.Extensions;
import org.tlsscope.tls.handshake.ServerHello;

/**
 * JA4S, FoxIO's server fingerprint (FoxIO License 1.1; FoxIO-LLC/ja4 technical_details/JA4S.md and
 * rust/ja4/src/tls.rs {@code ServerStats}): {@code t130200_1301_234ea6891581}.
 *
 * <p>{@code t}, the version (supported_versions' selected_version, else legacy_version), the number of
 * extensions (two digits, at most 99), the first and last characters of the selected ALPN value (the JA4
 * rule, {@link Ja4#alpnCode}; {@code 00} without one); then the chosen suite as 4-hex; then SHA-256/12
 * of the extension types as 4-hex in wire order, not sorted ({@code 000000000000} without extensions).
 * JA4S_r writes that list instead of its hash.
 *
 * <p>GREASE values are kept, as FoxIO's reference code does for the server (no working ServerHello has
 * one: RFC 8701 section 4 does not let a server GREASE it). Computed on the connection's first
 * ServerHello, a HelloRetryRequest if there was one, like FoxIO's tools.
 *
 * @param fingerprint JA4S
 * @param raw         JA4S_r
 */
public record Ja4s(String fingerprint, String raw) {

    public static Ja4s of(ServerHello hello) {
        int[] extensions = Extensions.typeArray(hello.extensions());
        int version = Extensions.selectedVersion(hello.extensions()).orElse(hello.legacyVersion());
        String ab = "t" + Ja4.versionCode(version) + Ja4.count(extensions.length)
                + Ja4.alpnCode(Ja4.firstAlpn(hello.extensions())) + "_" + HexFormat.of().toHexDigits((short) hello.cipherSuite());
        String list = Digests.hex4(extensions);
        return new Ja4s(ab + "_" + Digests.sha256Prefix(list), ab + "_" + list);
    }
}
