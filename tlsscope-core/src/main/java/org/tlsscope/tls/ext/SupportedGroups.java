package org.tlsscope.tls.ext;

import java.util.List;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.tls.registry.Registries;

/** supported_groups (RFC 8446 section 4.2.7): {@code NamedGroup named_group_list<2..2^16-1>}. */
public record SupportedGroups(List<Integer> namedGroupList) implements ExtensionBody {

    static SupportedGroups read(FieldReader r) {
        return new SupportedGroups(Vectors.codePoints(r, "named_group_list", 2, 2, 2,
                "named_group", Registries.NAMED_GROUPS.describer()));
    }
}
