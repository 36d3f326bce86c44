package org.tlsscope.tls.ext;

import java.util.ArrayList;
import java.util.List;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;

/** STUB until the ext branch lands. */
public final class ExtensionsReader {
    private ExtensionsReader() {
    }

    public static List<Extension> read(FieldReader r, int handshakeType, boolean helloRetryRequest) {
        int len = r.u16("extensions_length", v -> v + " bytes");
        FieldReader e = r.sub(len, "extensions");
        List<Extension> out = new ArrayList<>();
        while (e.hasRemaining()) {
            int at = e.offset();
            int type = e.u16("type");
            Slice data = e.vector16("extension_data", null);
            out.add(new Extension(type, at, 4 + data.length(), data, new Opaque()));
        }
        return out;
    }
}
