package org.tlsscope.analysis.finding;

import java.util.Arrays;
import java.util.List;
import org.tlsscope.analysis.Severity;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.ext.ExtensionType;
import org.tlsscope.tls.ext.Extensions;
import org.tlsscope.tls.ext.KeyShare;
import org.tlsscope.tls.ext.SupportedGroups;
import org.tlsscope.tls.ext.SupportedVersions;
import org.tlsscope.tls.handshake.ClientHello;
import org.tlsscope.tls.handshake.ServerHello;
import org.tlsscope.tls.registry.Registries;

/**
 * A server answering with what the client never offered, and hellos that repeat an extension: each a
 * protocol violation a conforming peer aborts on.
 */
final class ViolationRules {
    private ViolationRules() {
    }

    static void check(Checked c) {
        ClientHello ch = c.report.clientHello();
        ServerHello sh = c.report.serverHello();
        if (ch != null) {
            duplicates(c, "client", "client_hello", ch.extensions());
        }
        if (sh != null) {
            duplicates(c, "server", sh.helloRetryRequest() ? "hello_retry_request" : "server_hello", sh.extensions());
        }
        if (ch == null || sh == null) {
            return;
        }
        long frame = c.serverHelloFrame();
        if (!ch.cipherSuites().contains(sh.cipherSuite())) {
            c.add("violation.suite_not_offered", Severity.ERROR, frame, "the server chose "
                    + Registries.CIPHER_SUITES.describe(sh.cipherSuite()) + ", which the client did not offer",
                    "RFC 8446 section 4.1.3, RFC 5246 section 7.4.1.3");
        }
        version(c, ch, sh, frame);
        group(c, ch, sh, frame);
        extensions(c, ch, sh, frame);
    }

    private static void duplicates(Checked c, String from, String type, List<Extension> extensions) {
        for (Extension e : Extensions.duplicates(extensions)) {
            c.add("violation.duplicate_extension", Severity.ERROR, c.frameOf(from, type), type + " repeats the "
                    + e.name() + " extension (a peer would send illegal_parameter)", "RFC 8446 section 4.2");
        }
    }

    private static void version(Checked c, ClientHello ch, ServerHello sh, long frame) {
        int selected = Extensions.selectedVersion(sh.extensions()).orElse(0);
        if (selected != 0) {
            List<Integer> offered = Extensions.find(ch.extensions(), SupportedVersions.Versions.class)
                    .map(SupportedVersions.Versions::versions).orElse(List.of());
            if (!offered.contains(selected)) {
                c.add("violation.version_not_offered", Severity.ERROR, frame, "the server selected "
                        + Registries.PROTOCOL_VERSIONS.name(selected) + ", which the client's supported_versions does not list",
                        "RFC 8446 section 4.2.1");
            }
        } else if (sh.legacyVersion() > ch.legacyVersion() && (sh.legacyVersion() >> 8) == 3) {
            c.add("violation.version_not_offered", Severity.ERROR, frame, "the server answered "
                    + Registries.PROTOCOL_VERSIONS.name(sh.legacyVersion()) + " to a client offering at most "
                    + Registries.PROTOCOL_VERSIONS.name(ch.legacyVersion()), "RFC 5246 appendix E.1");
        }
    }

    private static void group(Checked c, ClientHello ch, ServerHello sh, long frame) {
        List<Integer> offered = Extensions.find(ch.extensions(), SupportedGroups.class)
                .map(SupportedGroups::namedGroupList).orElse(null);
        int chosen = Extensions.find(sh.extensions(), KeyShare.ServerShare.class).map(s -> s.serverShare().group())
                .orElse(Extensions.find(sh.extensions(), KeyShare.SelectedGroup.class)
                        .map(KeyShare.SelectedGroup::selectedGroup).orElse(-1));
        if (chosen < 0 && c.report.serverKeyExchange() != null) {
            chosen = c.report.serverKeyExchange().namedCurve();
            frame = c.frameOf("server", "server_key_exchange");
        }
        if (offered != null && chosen >= 0 && !offered.contains(chosen)) {
            c.add("violation.group_not_offered", Severity.ERROR, frame, "the server chose the group "
                    + Registries.NAMED_GROUPS.name(chosen) + ", which the client's supported_groups does not list",
                    "RFC 8446 section 4.2.7, RFC 8422 section 5.1.1");
        }
    }

    /**
     * RFC 8446 section 4.2 and RFC 5246 section 7.4.1.4: a server extension the client did not send first
     * is unsupported_extension. renegotiation_info may answer the SCSV instead (RFC 5746 section 3.6).
     */
    private static void extensions(Checked c, ClientHello ch, ServerHello sh, long frame) {
        int[] offered = Extensions.typeArray(ch.extensions());
        Arrays.sort(offered);
        boolean scsv = ch.cipherSuites().contains(ProtocolRules.EMPTY_RENEGOTIATION_INFO_SCSV);
        for (Extension e : sh.extensions()) {
            int type = e.type();
            boolean answered = Arrays.binarySearch(offered, type) >= 0
                    || type == ExtensionType.RENEGOTIATION_INFO && scsv
                    // RFC 8446 section 4.2.2: the server's cookie needs no offer.
                    || type == ExtensionType.COOKIE && sh.helloRetryRequest();
            if (!answered) {
                c.add("violation.extension_not_offered", Severity.ERROR, frame, "the server answered with the "
                        + e.name() + " extension, which the client did not offer (a peer would send unsupported_extension)",
                        "RFC 8446 section 4.2, RFC 5246 section 7.4.1.4");
            }
        }
    }
}
