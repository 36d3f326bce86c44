package org.tlsscope.tls.record;

import org.tlsscope.bytes.FieldReader;
import org.tlsscope.tls.registry.Registries;

/** Alert (RFC 8446 section 6, RFC 5246 section 7.2): two bytes, level and description. */
public record Alert(int level, int description) {
    public static Alert parse(FieldReader r) {
        int level = r.u8("level", Registries.ALERT_LEVELS.namer());
        int description = r.u8("description", Registries.ALERT_DESCRIPTIONS.namer());
        r.expectEnd("alert");
        return new Alert(level, description);
    }

    public String levelName() {
        return Registries.ALERT_LEVELS.name(level);
    }

    public String descriptionName() {
        return Registries.ALERT_DESCRIPTIONS.name(description);
    }
}
