package org.tlsscope.lab;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Locale;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsFatalAlert;

/**
 * Command-line names to code points: versions as {@code 1.0..1.3}, cipher suites by their IANA names
 * ({@code TLS_RSA_WITH_AES_256_CBC_SHA}) or hex code ({@code 0x0035}), groups by IANA name ({@code x25519},
 * {@code secp256r1}). Suite and group names are looked up in BC's registry classes, whose constant names
 * are the IANA names, so every suite BC knows is reachable without a table of our own.
 */
public final class TlsNames {
    private TlsNames() {
    }

    /** The version for {@code 1.0}, {@code 1.1}, {@code 1.2} or {@code 1.3}; null for anything else. */
    public static ProtocolVersion version(String name) {
        return switch (name.trim()) {
            case "1.0", "tls1", "tls1.0" -> ProtocolVersion.TLSv10;
            case "1.1", "tls1.1" -> ProtocolVersion.TLSv11;
            case "1.2", "tls1.2" -> ProtocolVersion.TLSv12;
            case "1.3", "tls1.3" -> ProtocolVersion.TLSv13;
            default -> null;
        };
    }

    /** The cipher suite code point, or -1 when BC has no suite of that name. */
    public static int cipherSuite(String name) {
        String n = name.trim();
        if (n.startsWith("0x") || n.startsWith("0X")) {
            try {
                int v = Integer.parseInt(n.substring(2), 16);
                return v >= 0 && v <= 0xffff ? v : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return constant(CipherSuite.class, n.toUpperCase(Locale.ROOT));
    }

    /** The named group code point, or -1 when unknown. */
    public static int group(String name) {
        return constant(NamedGroup.class, name.trim());
    }

    /** IANA name of a cipher suite, from the core's registry. */
    public static String cipherSuiteName(int suite) {
        return org.tlsscope.tls.registry.CipherSuite.of(suite).name();
    }

    /** Name of a named group as BC spells it (the IANA name). */
    public static String groupName(int group) {
        return NamedGroup.getName(group);
    }

    /**
     * What BC says about an error, without the alert name its TlsFatalAlert messages start with
     * ({@code "unexpected_message(10); Unsupported UNKNOWN(71)"} gives {@code "Unsupported UNKNOWN(71)"}); null when
     * it says nothing more.
     */
    public static String errorDetail(Throwable e) {
        String m = e.getMessage();
        if (m == null || !(e instanceof TlsFatalAlert)) {
            return m;
        }
        int semi = m.indexOf("; ");
        return semi < 0 ? null : m.substring(semi + 2);
    }

    private static int constant(Class<?> registry, String name) {
        try {
            Field f = registry.getField(name);
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                return f.getInt(null);
            }
        } catch (NoSuchFieldException | IllegalAccessException e) {
            // Not a name BC knows: the caller reports it.
        }
        return -1;
    }
}
