package org.tlsscope.tls.ext;

/** STUB until the ext branch lands. */
public record Opaque() implements ExtensionBody {
}
