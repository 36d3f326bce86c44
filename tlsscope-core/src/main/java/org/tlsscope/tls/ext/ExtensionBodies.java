package org.tlsscope.tls.ext;

import org.tlsscope.bytes.FieldReader;

/** Chooses the decoder for one extension_data by type and, where the form depends on it, by message. */
final class ExtensionBodies {
    private ExtensionBodies() {
    }

    /** Decodes extension_data from {@code r}; the caller checks that every byte was used. */
    static ExtensionBody read(int type, FieldReader r, MessageContext context) {
        if (org.tlsscope.tls.registry.Grease.is(type)) {
            return Grease.read(r);
        }
        return switch (type) {
            case ExtensionType.SERVER_NAME -> ServerNameList.read(r, context);
            case ExtensionType.STATUS_REQUEST -> StatusRequest.read(r, context);
            case ExtensionType.SUPPORTED_GROUPS -> SupportedGroups.read(r);
            case ExtensionType.EC_POINT_FORMATS -> EcPointFormats.read(r);
            case ExtensionType.SIGNATURE_ALGORITHMS, ExtensionType.SIGNATURE_ALGORITHMS_CERT ->
                    SignatureAlgorithms.read(r);
            case ExtensionType.HEARTBEAT -> Heartbeat.read(r);
            case ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION -> ApplicationLayerProtocolNegotiation.read(r);
            case ExtensionType.SIGNED_CERTIFICATE_TIMESTAMP -> SignedCertificateTimestamp.read(r, context);
            case ExtensionType.PADDING -> Padding.read(r);
            case ExtensionType.ENCRYPT_THEN_MAC -> new EncryptThenMac();
            case ExtensionType.EXTENDED_MASTER_SECRET -> new ExtendedMasterSecret();
            case ExtensionType.COMPRESS_CERTIFICATE -> CompressCertificate.read(r);
            case ExtensionType.RECORD_SIZE_LIMIT -> RecordSizeLimit.read(r);
            case ExtensionType.SESSION_TICKET -> SessionTicket.read(r);
            case ExtensionType.PRE_SHARED_KEY -> PreSharedKey.read(r, context);
            case ExtensionType.EARLY_DATA -> EarlyData.read(r, context);
            case ExtensionType.SUPPORTED_VERSIONS -> SupportedVersions.read(r, context);
            case ExtensionType.COOKIE -> Cookie.read(r);
            case ExtensionType.PSK_KEY_EXCHANGE_MODES -> PskKeyExchangeModes.read(r);
            case ExtensionType.POST_HANDSHAKE_AUTH -> new PostHandshakeAuth();
            case ExtensionType.KEY_SHARE -> KeyShare.read(r, context);
            case ExtensionType.ENCRYPTED_CLIENT_HELLO -> EncryptedClientHello.read(r, context);
            case ExtensionType.RENEGOTIATION_INFO -> RenegotiationInfo.read(r);
            default -> Opaque.read(r);
        };
    }
}
