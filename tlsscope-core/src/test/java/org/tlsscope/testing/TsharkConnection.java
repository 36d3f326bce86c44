package org.tlsscope.testing;

import java.util.List;

/**
 * What tshark saw on one TCP stream, folded by {@link Tshark#connections}.
 *
 * @param stream      tshark's {@code tcp.stream} index
 * @param client      the ClientHello sender as "ip:port" ("[v6]:port" for IPv6)
 * @param server      its peer, same format
 * @param version     negotiated version, "TLS 1.2" style: the ServerHello's supported_versions
 *                    (RFC 8446 section 4.2.1) if present, else its legacy version; null without a
 *                    ServerHello
 * @param cipherSuite the ServerHello's cipher_suite, null without a ServerHello
 * @param sni         the first ClientHello's server_name (RFC 6066 section 3), null if absent
 * @param alpn        the protocol the server selected (RFC 7301 section 3.2), null if none was
 *                    selected or it travelled encrypted and no key log was given
 * @param messages    the plaintext (or decrypted) messages in wire order as "side:name" with RFC
 *                    names: "client:client_hello", "server:hello_retry_request",
 *                    "client:change_cipher_spec", "server:alert:fatal:handshake_failure"; handshake
 *                    records and alerts tshark could not decrypt are left out, as is application data
 * @param ja3         {@code tls.handshake.ja3} of the stream's first ClientHello, null without one
 * @param ja3s        {@code tls.handshake.ja3s} of its first ServerHello (a HelloRetryRequest counts), null
 *                    without one
 */
public record TsharkConnection(int stream, String client, String server, String version,
                               Integer cipherSuite, String sni, String alpn, List<String> messages,
                               String ja3, String ja3s) {
    public TsharkConnection {
        messages = List.copyOf(messages);
    }
}
