package org.tlsscope.tls.ext;

/** extended_master_secret (RFC 7627 section 5.1): extension_data is empty. */
public record ExtendedMasterSecret() implements ExtensionBody {
}
