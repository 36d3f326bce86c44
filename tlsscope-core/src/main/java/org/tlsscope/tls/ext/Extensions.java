package org.tlsscope.tls.ext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tlsscope.bytes.IntList;

/** Questions the handshake and session layers ask of a decoded extensions block. */
public final class Extensions {
    // Lists here are the reader's own (List.copyOf: random access); looked up by index, as several rules do
    // per connection, they need no iterator each.
    private Extensions() {
    }

    /** The first extension whose body is a {@code kind} (a record, or a family such as {@code KeyShare}). */
    public static <T extends ExtensionBody> Optional<T> find(List<Extension> extensions, Class<T> kind) {
        for (int i = 0; i < extensions.size(); i++) {
            ExtensionBody body = extensions.get(i).body();
            if (kind.isInstance(body)) {
                return Optional.of(kind.cast(body));
            }
        }
        return Optional.empty();
    }

    /** The extension types in block order, GREASE values included: what the JA3/JA4 fingerprints list. */
    public static IntList types(List<Extension> extensions) {
        int[] types = typeArray(extensions);
        return IntList.wrap(types, types.length);
    }

    /** The first extension of this type, decoded or not. */
    public static Optional<Extension> ofType(List<Extension> extensions, int type) {
        for (int i = 0; i < extensions.size(); i++) {
            if (extensions.get(i).type() == type) {
                return Optional.of(extensions.get(i));
            }
        }
        return Optional.empty();
    }

    /** Whether the block has an extension of this type, decoded or not. */
    public static boolean has(List<Extension> extensions, int type) {
        return ofType(extensions, type).isPresent();
    }

    /** The extension types in block order as an array, GREASE values included. */
    public static int[] typeArray(List<Extension> extensions) {
        int[] types = new int[extensions.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = extensions.get(i).type();
        }
        return types;
    }

    /**
     * Every extension whose type already appeared earlier in the block. RFC 8446 section 4.2: "There
     * MUST NOT be more than one extension of the same type in a given extension block" (RFC 5246
     * section 7.4.1.4 says the same); the peer's answer is illegal_parameter.
     */
    public static List<Extension> duplicates(List<Extension> extensions) {
        // Real blocks hold about twenty extensions: compared pairwise, with no set of boxed types per message.
        // A crafted one may hold thousands (four bytes each in a 64 KiB message): those go through a set.
        boolean small = extensions.size() <= 64;
        Set<Integer> seen = small ? null : new HashSet<>();
        List<Extension> repeated = null;
        for (int i = 0; i < extensions.size(); i++) {
            Extension e = extensions.get(i);
            if (small ? seenBefore(extensions, i) : !seen.add(e.type())) {
                if (repeated == null) {
                    repeated = new ArrayList<>();
                }
                repeated.add(e);
            }
        }
        return repeated == null ? List.of() : List.copyOf(repeated);
    }

    private static boolean seenBefore(List<Extension> extensions, int i) {
        int type = extensions.get(i).type();
        for (int j = 0; j < i; j++) {
            if (extensions.get(j).type() == type) {
                return true;
            }
        }
        return false;
    }

    /** Extensions whose content did not decode, in block order. */
    public static List<Extension> malformed(List<Extension> extensions) {
        return extensions.stream().filter(e -> e.malformed().isPresent()).toList();
    }

    /** The first host_name of a ClientHello's server_name. */
    public static Optional<String> serverName(List<Extension> extensions) {
        Optional<ServerNameList> list = find(extensions, ServerNameList.class);
        if (list.isPresent()) {
            for (ServerNameList.ServerName n : list.get().serverNameList()) {
                if (n.nameType() == ServerNameList.HOST_NAME) {
                    return Optional.of(n.hostName());
                }
            }
        }
        return Optional.empty();
    }

    /** ALPN protocol names: those offered (ClientHello) or the one selected (ServerHello, EncryptedExtensions). */
    public static List<String> alpn(List<Extension> extensions) {
        return find(extensions, ApplicationLayerProtocolNegotiation.class)
                .map(ApplicationLayerProtocolNegotiation::protocolNameList)
                .orElse(List.of());
    }

    /** supported_versions' selected_version of a ServerHello or HelloRetryRequest (RFC 8446 section 4.2.1). */
    public static Optional<Integer> selectedVersion(List<Extension> extensions) {
        return find(extensions, SupportedVersions.SelectedVersion.class)
                .map(SupportedVersions.SelectedVersion::selectedVersion);
    }
}
