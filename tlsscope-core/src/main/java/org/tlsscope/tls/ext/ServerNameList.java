package org.tlsscope.tls.ext;

import java.util.List;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;

/**
 * server_name (RFC 6066 section 3). A client sends {@code ServerName server_name_list<1..2^16-1>}; a
 * server that used the name answers with empty extension_data, decoded as an empty list.
 */
public record ServerNameList(List<ServerName> serverNameList) implements ExtensionBody {
    /** NameType host_name (RFC 6066 section 3), the only one assigned. */
    public static final int HOST_NAME = 0;

    /**
     * One entry. Every name type, assigned or not, starts with a 16-bit length (RFC 6066 section 3:
     * "all future data structures associated with new NameTypes MUST begin with a 16-bit length
     * field"), so an unknown type is kept as its opaque bytes.
     */
    public record ServerName(int nameType, Slice name) {
        /** The name as text, bytes outside printable ASCII escaped. */
        public String hostName() {
            return Text.escaped(name);
        }
    }

    /** The server's empty acknowledgement rather than a client's list. */
    public boolean acknowledgement() {
        return serverNameList.isEmpty();
    }

    static ServerNameList read(FieldReader r, MessageContext context) {
        if (!context.clientHello()) {
            return new ServerNameList(List.of());
        }
        return new ServerNameList(Vectors.list(r, "server_name_list", 2, 1, 0, ServerNameList::readServerName));
    }

    private static ServerName readServerName(FieldReader r) {
        int type = r.u8("name_type", t -> t == HOST_NAME ? "host_name" : "unknown (" + t + ")");
        Slice name = Vectors.opaque(r, type == HOST_NAME ? "host_name" : "name", 2, 1, Text::escaped);
        return new ServerName(type, name);
    }
}
