package org.tlsscope.tls.ext;

import java.util.List;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.tls.registry.Registries;

/** psk_key_exchange_modes (RFC 8446 section 4.2.9): {@code PskKeyExchangeMode ke_modes<1..255>}. */
public record PskKeyExchangeModes(List<Integer> keModes) implements ExtensionBody {

    static PskKeyExchangeModes read(FieldReader r) {
        return new PskKeyExchangeModes(Vectors.codePoints(r, "ke_modes", 1, 1, 1,
                "ke_mode", Registries.PSK_KEY_EXCHANGE_MODES.describer()));
    }
}
