package org.tlsscope.lab;

import java.util.List;
import org.bouncycastle.tls.ProtocolVersion;

/**
 * What an endpoint offers or accepts. Empty lists mean Bouncy Castle's defaults for the versions chosen.
 *
 * @param versions     protocol versions, newest first; TLS 1.0 and 1.1 are obsolete (RFC 8996) and only
 *                     for reproducing old sessions in the lab
 * @param cipherSuites IANA cipher suite code points, in preference order
 * @param groups       IANA named groups (key exchange), in preference order
 * @param sni          client: the server name to send (RFC 6066 section 3), or null
 * @param alpn         client: protocols offered; server: protocols accepted (RFC 7301)
 * @param tickets      client: offer the session ticket extension; server: issue tickets (RFC 5077, TLS 1.2 and older)
 * @param clientAuth   server: ask for a client certificate; client: present the lab's client certificate
 * @param bareHello    client: a ClientHello with no extension but session_ticket (when {@code tickets}), as the
 *                     post's client sent in 2014: no server_name, extended_master_secret, encrypt_then_mac,
 *                     supported_groups or status_request, so that the session is MAC-then-encrypt with the
 *                     master secret of RFC 5246, like the post's
 */
public record TlsOptions(List<ProtocolVersion> versions, List<Integer> cipherSuites, List<Integer> groups,
                         String sni, List<String> alpn, boolean tickets, boolean clientAuth, boolean bareHello) {
    /** TLS 1.3 and 1.2 with BC's default suites and groups: what a modern endpoint offers. */
    public static final TlsOptions MODERN = new TlsOptions(List.of(ProtocolVersion.TLSv13, ProtocolVersion.TLSv12),
            List.of(), List.of(), null, List.of(), true, false);

    public TlsOptions {
        versions = List.copyOf(versions);
        cipherSuites = List.copyOf(cipherSuites);
        groups = List.copyOf(groups);
        alpn = List.copyOf(alpn);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no protocol version");
        }
    }

    /** Options whose ClientHello carries what Bouncy Castle offers by default. */
    public TlsOptions(List<ProtocolVersion> versions, List<Integer> cipherSuites, List<Integer> groups, String sni,
                      List<String> alpn, boolean tickets, boolean clientAuth) {
        this(versions, cipherSuites, groups, sni, alpn, tickets, clientAuth, false);
    }

    /** True when an obsolete version (below TLS 1.2) is enabled: callers print a warning. */
    public boolean insecure() {
        return versions.stream().anyMatch(v -> !v.isEqualOrLaterVersionOf(ProtocolVersion.TLSv12));
    }

    public TlsOptions withSni(String name) {
        return new TlsOptions(versions, cipherSuites, groups, name, alpn, tickets, clientAuth, bareHello);
    }
}
