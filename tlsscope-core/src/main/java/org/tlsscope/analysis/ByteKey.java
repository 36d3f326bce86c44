package org.tlsscope.analysis;

import java.util.Arrays;

/**
 * Bytes compared by content, their hash computed once: the key of a {@link Memo} for what was already seen (a
 * certificate's DER, what a ClientHello's fingerprints read). It owns its array, which nobody writes after.
 */
public record ByteKey(byte[] bytes, int hash) {
    public ByteKey(byte[] bytes) {
        this(bytes, Arrays.hashCode(bytes));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteKey k && k.hash == hash && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
