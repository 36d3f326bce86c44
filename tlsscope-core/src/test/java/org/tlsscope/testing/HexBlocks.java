package org.tlsscope.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tlsscope.bytes.Slice;

/** Named hex blocks from a test resource: "name:" lines start a block, '#' lines are comments. */
public final class HexBlocks {
    private HexBlocks() {
    }

    public static Map<String, Slice> load(String resource) {
        try (InputStream in = HexBlocks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            Map<String, StringBuilder> blocks = new LinkedHashMap<>();
            StringBuilder current = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (t.endsWith(":")) {
                    current = new StringBuilder();
                    blocks.put(t.substring(0, t.length() - 1), current);
                } else if (current != null) {
                    current.append(t);
                }
            }
            Map<String, Slice> out = new LinkedHashMap<>();
            blocks.forEach((k, v) -> out.put(k, Slice.ofHex(v.toString())));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
