package org.tlsscope.decrypt;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.tlsscope.bytes.Slice;

/**
 * RFC 3749 DEFLATE record compression: one zlib stream per direction, running across records, each record
 * ending on a sync flush. A record's plaintext may grow by at most 1024 bytes under compression (RFC 5246
 * section 6.2.2), so inflating stops there: a bigger result is a decompression failure, not memory spent.
 */
final class Deflate {
    private static final int MAX_PLAINTEXT = (1 << 14) + 1024;

    private final Inflater inflater = new Inflater();

    /** The record's decompressed content, or null when the stream does not inflate. */
    Slice inflate(Slice compressed) {
        inflater.setInput(compressed.toArray());
        byte[] out = new byte[MAX_PLAINTEXT + 1];
        int n = 0;
        try {
            while (n < out.length) {
                int got = inflater.inflate(out, n, out.length - n);
                n += got;
                if (got == 0 && (inflater.needsInput() || inflater.finished() || inflater.needsDictionary())) {
                    break;
                }
            }
        } catch (DataFormatException e) {
            return null;
        }
        return n > MAX_PLAINTEXT || inflater.needsDictionary() ? null : Slice.of(out, 0, n);
    }
}
