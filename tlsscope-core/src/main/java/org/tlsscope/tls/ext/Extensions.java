package org.tlsscope.tls.ext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Questions the handshake and session layers ask of a decoded extensions block. */
public final class Extensions {
    private Extensions() {
    }

    /** The first extension whose body is a {@code kind} (a record, or a family such as {@code KeyShare}). */
    public static <T extends ExtensionBody> Optional<T> find(List<Extension> extensions, Class<T> kind) {
        for (Extension e : extensions) {
            if (kind.isInstance(e.body())) {
                return Optional.of(kind.cast(e.body()));
            }
        }
        return Optional.empty();
    }

    /** The extension types in block order, GREASE values included: what the JA3/JA4 fingerprints list. */
    public static List<Integer> types(List<Extension> extensions) {
        List<Integer> types = new ArrayList<>(extensions.size());
        for (Extension e : extensions) {
            types.add(e.type());
        }
        return types;
    }

    /** The first extension of this type, decoded or not. */
    public static Optional<Extension> ofType(List<Extension> extensions, int type) {
        for (Extension e : extensions) {
            if (e.type() == type) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Whether the block has an extension of this type, decoded or not. */
    public static boolean has(List<Extension> extensions, int type) {
        for (Extension e : extensions) {
            if (e.type() == type) {
                return true;
            }
        }
        return false;
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
        Set<Integer> seen = new HashSet<>();
        List<Extension> repeated = new ArrayList<>();
        for (Extension e : extensions) {
            if (!seen.add(e.type())) {
                repeated.add(e);
            }
        }
        return List.copyOf(repeated);
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
