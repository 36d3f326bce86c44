package org.tlsscope.tls.registry;

/**
 * RFC 8701 GREASE values: 0x0A0A, 0x1A1A, .., 0xFAFA for cipher suites, extensions, groups, signature
 * algorithms, versions and ALPN; for the one-byte PSK key exchange modes, 0x0B, 0x2A, .., 0xE4.
 */
public final class Grease {
    private Grease() {
    }

    /** A two-byte GREASE value: both bytes equal, low nibble 0xA. */
    public static boolean is(int value) {
        return (value & 0x0f0f) == 0x0a0a && (value >> 8) == (value & 0xff);
    }

    /** A one-byte GREASE value (RFC 8701 section 2: 0x0B, 0x2A, 0x49, .. step 0x1F). */
    public static boolean isOneByte(int value) {
        return value >= 0x0b && value <= 0xe4 && (value - 0x0b) % 0x1f == 0;
    }
}
