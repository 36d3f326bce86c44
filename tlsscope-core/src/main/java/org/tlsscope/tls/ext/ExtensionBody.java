package org.tlsscope.tls.ext;

/**
 * The decoded extension_data of one extension, one record per RFC structure. Extensions whose form
 * depends on the message (RFC 8446 section 4.2) are sealed families of their own ({@link KeyShare},
 * {@link SupportedVersions}, ...), so {@code Extensions.find(exts, KeyShare.class)} finds any form and
 * {@code find(exts, KeyShare.ServerShare.class)} one.
 */
public sealed interface ExtensionBody
        permits ServerNameList, StatusRequest, SupportedGroups, EcPointFormats, SignatureAlgorithms, Heartbeat,
        ApplicationLayerProtocolNegotiation, SignedCertificateTimestamp, Padding, EncryptThenMac,
        ExtendedMasterSecret, CompressCertificate, RecordSizeLimit, SessionTicket, PreSharedKey, EarlyData,
        SupportedVersions, Cookie, PskKeyExchangeModes, PostHandshakeAuth, KeyShare, EncryptedClientHello,
        RenegotiationInfo, Grease, Opaque {
}
