package org.tlsscope.cli;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.tls.ProtocolVersion;
import org.tlsscope.lab.TlsNames;
import org.tlsscope.lab.TlsOptions;
import picocli.CommandLine.Option;

/** The TLS options of serve, connect and lab: version, suites, groups, ALPN, tickets, client certificates. */
final class LabTlsOptions {
    @Option(names = "--tls", paramLabel = "VERSION", split = ",",
            description = "protocol version(s): 1.0, 1.1, 1.2, 1.3 (default 1.3,1.2); 1.0 and 1.1 are insecure, lab use only")
    List<String> versions = new ArrayList<>();

    @Option(names = "--cipher", paramLabel = "NAME", split = ",",
            description = "cipher suite(s) by IANA name or 0xHHHH, in preference order (default: Bouncy Castle's)")
    List<String> ciphers = new ArrayList<>();

    @Option(names = "--group", paramLabel = "NAME", split = ",", description = "key exchange group(s): x25519, secp256r1, ffdhe2048, ...")
    List<String> groups = new ArrayList<>();

    @Option(names = "--alpn", paramLabel = "PROTOCOL", split = ",", description = "ALPN protocol(s) offered (client) or accepted (server)")
    List<String> alpn = new ArrayList<>();

    @Option(names = "--no-tickets", description = "no session ticket extension (TLS 1.2 and older)")
    boolean noTickets;

    @Option(names = "--client-cert", description = "server: request a client certificate; client: send the lab's")
    boolean clientCert;

    boolean versionsGiven() {
        return !versions.isEmpty();
    }

    /** The options, with {@code defaults} for what was not given; a bad name is a usage error. */
    TlsOptions resolve(TlsOptions defaults) throws UsageError {
        List<ProtocolVersion> v = new ArrayList<>();
        for (String s : versions) {
            ProtocolVersion pv = TlsNames.version(s);
            if (pv == null) {
                throw new UsageError("unknown TLS version '" + s + "' (1.0, 1.1, 1.2 or 1.3)");
            }
            v.add(pv);
        }
        // Newest first, as a ClientHello lists them.
        v.sort((a, b) -> Integer.compare(b.getFullVersion(), a.getFullVersion()));
        List<Integer> suites = new ArrayList<>();
        for (String s : ciphers) {
            int id = TlsNames.cipherSuite(s);
            if (id < 0) {
                throw new UsageError("unknown cipher suite '" + s + "'");
            }
            suites.add(id);
        }
        List<Integer> g = new ArrayList<>();
        for (String s : groups) {
            int id = TlsNames.group(s);
            if (id < 0) {
                throw new UsageError("unknown group '" + s + "'");
            }
            g.add(id);
        }
        return new TlsOptions(v.isEmpty() ? defaults.versions() : v,
                suites.isEmpty() && v.isEmpty() ? defaults.cipherSuites() : suites,
                g.isEmpty() ? defaults.groups() : g, defaults.sni(), alpn.isEmpty() ? defaults.alpn() : alpn,
                !noTickets && defaults.tickets(), clientCert || defaults.clientAuth(),
                // The post's bare ClientHello goes with the post's choice; any other asks for a modern one.
                defaults.bareHello() && v.isEmpty() && suites.isEmpty() && g.isEmpty() && alpn.isEmpty());
    }

    /** A bad option value: one line for the user, exit code 2. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }
}
