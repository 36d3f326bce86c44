package org.tlsscope.tls.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The few extension values the connection summary needs: server name, ALPN, selected version. */
public final class ExtensionFacts {
    private ExtensionFacts() {
    }

    public static Optional<String> sni(List<Extension> extensions) {
        for (Extension e : extensions) {
            if (e.type() == 0 && e.data().length() >= 5) {
                int nameLen = e.data().u16(3);
                if (e.data().u8(2) == 0 && 5 + nameLen <= e.data().length()) {
                    return Optional.of(new String(e.data().slice(5, nameLen).toArray(), java.nio.charset.StandardCharsets.US_ASCII));
                }
            }
        }
        return Optional.empty();
    }

    public static List<String> alpn(List<Extension> extensions) {
        List<String> out = new ArrayList<>();
        for (Extension e : extensions) {
            if (e.type() == 16 && e.data().length() >= 2) {
                int p = 2;
                while (p < e.data().length()) {
                    int n = e.data().u8(p);
                    if (p + 1 + n > e.data().length()) {
                        break;
                    }
                    out.add(new String(e.data().slice(p + 1, n).toArray(), java.nio.charset.StandardCharsets.ISO_8859_1));
                    p += 1 + n;
                }
            }
        }
        return out;
    }

    public static Optional<Integer> selectedVersion(List<Extension> extensions) {
        for (Extension e : extensions) {
            if (e.type() == 43 && e.data().length() == 2) {
                return Optional.of(e.data().u16(0));
            }
        }
        return Optional.empty();
    }
}
