package org.tlsscope.tls.ext;

import org.tlsscope.bytes.Slice;

/** STUB until the ext branch lands. */
public record Extension(int type, int offset, int length, Slice data, ExtensionBody body) {
}
