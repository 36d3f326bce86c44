package org.tlsscope.tls.ext;

/** post_handshake_auth (RFC 8446 section 4.2.6): extension_data is empty. */
public record PostHandshakeAuth() implements ExtensionBody {
}
