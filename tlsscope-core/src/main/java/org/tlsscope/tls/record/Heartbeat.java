package org.tlsscope.tls.record;

import org.tlsscope.bytes.FieldReader;
import org.tlsscope.tls.registry.Registries;

/**
 * HeartbeatMessage (RFC 6520 section 4): type, payload_length, payload, at least 16 bytes of padding.
 * {@code payloadLength} is what the sender claims; {@code available} is what the record holds after
 * the three-byte header. A claim above what is there is the Heartbleed pattern (CVE-2014-0160).
 */
public record Heartbeat(int type, int payloadLength, int available) {
    public boolean overclaims() {
        return payloadLength > available;
    }

    public static Heartbeat parse(FieldReader r) {
        int type = r.u8("type", Registries.HEARTBEAT_MESSAGE_TYPES.namer());
        int at = r.offset();
        int claimed = r.u16("payload_length", v -> v + " bytes claimed");
        int available = r.remaining();
        if (claimed <= available) {
            r.bytes("payload", claimed, null);
            r.bytes("padding", r.remaining(), null);
        } else {
            r.bytes("payload", available, "only " + available + " bytes follow the " + claimed
                    + "-byte claim at offset " + at + " (RFC 6520 section 4: such a message MUST be discarded)");
        }
        return new Heartbeat(type, claimed, available);
    }
}
