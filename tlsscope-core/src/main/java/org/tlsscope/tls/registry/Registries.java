package org.tlsscope.tls.registry;

/**
 * The IANA tables tlsscope names code points with, one {@link Registry} per table, each loaded from
 * the TSV resource of the same name beside this class.
 */
public final class Registries {
    /** TLS Alerts (IANA "TLS Alerts", RFC 8446 section 6). */
    public static final Registry ALERT_DESCRIPTIONS = Registry.load("alert_descriptions.tsv", 2, false);

    /** AlertLevel: warning(1), fatal(2) (RFC 5246 section 7.2). */
    public static final Registry ALERT_LEVELS = Registry.load("alert_levels.tsv", 2, false);

    /** TLS Certificate Compression Algorithm IDs (IANA, RFC 8879). */
    public static final Registry CERTIFICATE_COMPRESSION_ALGORITHMS = Registry.load("certificate_compression_algorithms.tsv", 4, false);

    /** TLS Certificate Status Types (IANA, RFC 6066 section 8, RFC 6961). */
    public static final Registry CERTIFICATE_STATUS_TYPES = Registry.load("certificate_status_types.tsv", 2, false);

    /** TLS Cipher Suites (IANA), including SSL-era values and the signalling values 0x00FF and 0x5600; GREASE reserved (RFC 8701). */
    public static final Registry CIPHER_SUITES = Registry.load("cipher_suites.tsv", 4, true);

    /** TLS ClientCertificateType Identifiers (IANA, RFC 5246 section 7.4.4). */
    public static final Registry CLIENT_CERTIFICATE_TYPES = Registry.load("client_certificate_types.tsv", 2, false);

    /** TLS Compression Method Identifiers (IANA, RFC 3749). */
    public static final Registry COMPRESSION_METHODS = Registry.load("compression_methods.tsv", 2, false);

    /** TLS ContentType (IANA "TLS ContentType", RFC 8446 section 5.1). */
    public static final Registry CONTENT_TYPES = Registry.load("content_types.tsv", 2, false);

    /** TLS EC Curve Types (IANA, RFC 8422 section 5.4). */
    public static final Registry EC_CURVE_TYPES = Registry.load("ec_curve_types.tsv", 2, false);

    /** TLS EC Point Formats (IANA, RFC 8422 section 5.1.2). */
    public static final Registry EC_POINT_FORMATS = Registry.load("ec_point_formats.tsv", 2, false);

    /** TLS ExtensionType Values (IANA), GREASE reserved (RFC 8701). */
    public static final Registry EXTENSION_TYPES = Registry.load("extension_types.tsv", 4, true);

    /** TLS HandshakeType (IANA "TLS HandshakeType", RFC 8446 section 4). */
    public static final Registry HANDSHAKE_TYPES = Registry.load("handshake_types.tsv", 2, false);

    /** TLS HashAlgorithm (IANA, RFC 5246 section 7.4.1.4.1), the TLS 1.2 pair form. */
    public static final Registry HASH_ALGORITHMS = Registry.load("hash_algorithms.tsv", 2, false);

    /** Heartbeat Message Types (IANA, RFC 6520 section 3). */
    public static final Registry HEARTBEAT_MESSAGE_TYPES = Registry.load("heartbeat_message_types.tsv", 2, false);

    /** Heartbeat Modes (IANA, RFC 6520 section 2). */
    public static final Registry HEARTBEAT_MODES = Registry.load("heartbeat_modes.tsv", 2, false);

    /** TLS Supported Groups (IANA), GREASE reserved (RFC 8701). */
    public static final Registry NAMED_GROUPS = Registry.load("named_groups.tsv", 4, true);

    /** Protocol versions on the wire: SSL 2.0 .. TLS 1.3, TLS 1.3 drafts, DTLS; GREASE reserved (RFC 8701). */
    public static final Registry PROTOCOL_VERSIONS = Registry.load("protocol_versions.tsv", 4, true);

    /** TLS PskKeyExchangeMode (IANA, RFC 8446 section 4.2.9), one-byte GREASE reserved (RFC 8701 section 2). */
    public static final Registry PSK_KEY_EXCHANGE_MODES = Registry.load("psk_key_exchange_modes.tsv", 2, true);

    /** TLS SignatureAlgorithm (IANA, RFC 5246 section 7.4.1.4.1), the TLS 1.2 pair form. */
    public static final Registry SIGNATURE_ALGORITHMS = Registry.load("signature_algorithms.tsv", 2, false);

    /** TLS SignatureScheme (IANA, RFC 8446 section 4.2.3), GREASE reserved (RFC 8701). */
    public static final Registry SIGNATURE_SCHEMES = Registry.load("signature_schemes.tsv", 4, true);

    private Registries() {
    }
}
