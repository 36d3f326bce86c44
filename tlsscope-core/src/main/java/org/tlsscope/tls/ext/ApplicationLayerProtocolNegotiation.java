package org.tlsscope.tls.ext;

import java.util.List;
import org.tlsscope.bytes.FieldReader;

/**
 * application_layer_protocol_negotiation (RFC 7301 section 3.1):
 * {@code ProtocolName protocol_name_list<2..2^16-1>}, {@code opaque ProtocolName<1..2^8-1>}. Names are
 * octet strings; bytes outside printable ASCII are kept as {@code \xNN} so that "\xba\xad" (a GREASE
 * ALPN) and "h2" both survive. A server's list holds exactly the one protocol it selected.
 */
public record ApplicationLayerProtocolNegotiation(List<String> protocolNameList) implements ExtensionBody {

    static ApplicationLayerProtocolNegotiation read(FieldReader r) {
        return new ApplicationLayerProtocolNegotiation(Vectors.list(r, "protocol_name_list", 2, 2, 0,
                p -> Text.escaped(Vectors.opaque(p, "protocol_name", 1, 1, Text::escaped))));
    }
}
