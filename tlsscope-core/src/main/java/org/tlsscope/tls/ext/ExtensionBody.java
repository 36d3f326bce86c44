package org.tlsscope.tls.ext;

/** STUB until the ext branch lands. */
public sealed interface ExtensionBody permits Opaque {
}
