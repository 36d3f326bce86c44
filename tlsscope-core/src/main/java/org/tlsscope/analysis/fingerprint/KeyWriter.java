package org.tlsscope.analysis.fingerprint;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.tlsscope.bytes.IntList;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.ext.ExtensionBody;
import org.tlsscope.tls.ext.ExtensionType;

/**
 * Writes a hello's fingerprinted parts as the bytes of a memo key: every value in a fixed width and every list
 * or body after its length, so that one key reads back one way only.
 */
final class KeyWriter {
    private byte[] bytes;
    private int at;

    /** @param expected about how many bytes the key takes: the buffer starts at that size and grows if needed */
    KeyWriter(int expected) {
        bytes = new byte[expected];
    }

    void u8(int v) {
        room(1);
        bytes[at++] = (byte) v;
    }

    void u32(int v) {
        room(4);
        bytes[at++] = (byte) (v >>> 24);
        bytes[at++] = (byte) (v >>> 16);
        bytes[at++] = (byte) (v >>> 8);
        bytes[at++] = (byte) v;
    }

    void list(List<Integer> values) {
        u32(values.size());
        if (values instanceof IntList ints) {
            // As parsed: read unboxed (iterating a List<Integer> boxes each value above 127).
            for (int i = 0; i < ints.size(); i++) {
                u32(ints.getInt(i));
            }
            return;
        }
        for (int v : values) {
            u32(v);
        }
    }

    /**
     * A hello's extensions block as the fingerprints read it: the count, then for each extension its type; a tag
     * saying whether its body is one they decode ({@code decoded}), followed by the bytes it was decoded from, which
     * decide what was read from it and cost a fraction of writing that out value by value; and the ALPN bytes,
     * whose protocol names JA4 and JA4S take in.
     */
    void extensions(List<Extension> extensions, Predicate<ExtensionBody> decoded) {
        u32(extensions.size());
        for (Extension e : extensions) {
            u32(e.type());
            if (decoded.test(e.body())) {
                u8(1);
                body(e.data());
            } else {
                u8(0);
            }
            if (e.type() == ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION) {
                body(e.data());
            }
        }
    }

    /** A body as sent: its length, then its bytes. */
    void body(Slice s) {
        u32(s.length());
        room(s.length());
        s.copyTo(bytes, at);
        at += s.length();
    }

    byte[] bytes() {
        return Arrays.copyOf(bytes, at);
    }

    private void room(int n) {
        if (at + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, at + n));
        }
    }
}
