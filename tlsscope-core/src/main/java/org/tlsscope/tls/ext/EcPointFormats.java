package org.tlsscope.tls.ext;

import java.util.List;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.tls.registry.Registries;

/** ec_point_formats (RFC 8422 section 5.1.2): {@code ECPointFormat ec_point_format_list<1..2^8-1>}. */
public record EcPointFormats(List<Integer> ecPointFormatList) implements ExtensionBody {

    static EcPointFormats read(FieldReader r) {
        return new EcPointFormats(Vectors.codePoints(r, "ec_point_format_list", 1, 1, 1,
                "ec_point_format", Registries.EC_POINT_FORMATS.describer()));
    }
}
