package org.tlsscope.tls.ext;

/** encrypt_then_mac (RFC 7366 section 2): extension_data is empty. */
public record EncryptThenMac() implements ExtensionBody {
}
