package org.tlsscope.tls.ext;

import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;

/**
 * padding (RFC 7685 section 3): extension_data of any length that "MUST consist entirely of zero
 * bytes"; {@code allZero} false is worth a finding (a covert channel or a broken client).
 */
public record Padding(int length, boolean allZero) implements ExtensionBody {

    static Padding read(FieldReader r) {
        int at = r.offset();
        Slice padding = r.rawBytes(r.remaining(), "padding");
        boolean zero = true;
        for (int i = 0; i < padding.length() && zero; i++) {
            zero = padding.u8(i) == 0;
        }
        r.add("padding", at, padding.length(), padding, !r.recording() ? null
                : Vectors.bytes(padding.length()) + (zero ? ", all zero" : ", NOT all zero (RFC 7685 section 3)"));
        return new Padding(padding.length(), zero);
    }
}
