package org.tlsscope.view;

import java.util.List;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.ext.Extensions;
import org.tlsscope.tls.ext.SupportedVersions;
import org.tlsscope.tls.handshake.Certificate;
import org.tlsscope.tls.handshake.CertificateRequest;
import org.tlsscope.tls.handshake.CertificateStatus;
import org.tlsscope.tls.handshake.CertificateVerify;
import org.tlsscope.tls.handshake.ClientHello;
import org.tlsscope.tls.handshake.ClientKeyExchange;
import org.tlsscope.tls.handshake.EncryptedExtensions;
import org.tlsscope.tls.handshake.EndOfEarlyData;
import org.tlsscope.tls.handshake.Finished;
import org.tlsscope.tls.handshake.HandshakeMessage;
import org.tlsscope.tls.handshake.HelloRequest;
import org.tlsscope.tls.handshake.KeyUpdate;
import org.tlsscope.tls.handshake.NewSessionTicket;
import org.tlsscope.tls.handshake.ParsedMessage;
import org.tlsscope.tls.handshake.ServerHello;
import org.tlsscope.tls.handshake.ServerHelloDone;
import org.tlsscope.tls.handshake.ServerKeyExchange;
import org.tlsscope.tls.handshake.Sslv2ClientHello;
import org.tlsscope.tls.handshake.UnknownMessage;
import org.tlsscope.tls.registry.Registries;

/** The key fields of a message in a few words, for the text view's one line per record. */
final class MessageSummary {
    private MessageSummary() {
    }

    static String of(ParsedMessage m) {
        if (m.malformed()) {
            return m.name() + " [malformed: " + m.error().reason() + "]";
        }
        String detail = detail(m.message());
        return detail.isEmpty() ? m.name() : m.name() + " (" + detail + ")";
    }

    private static String detail(HandshakeMessage message) {
        return switch (message) {
            case ClientHello ch -> offeredVersions(ch) + ", " + ch.cipherSuites().size() + " cipher suites, "
                    + extensions(ch.extensions());
            case Sslv2ClientHello ch -> "SSL 2.0 format, " + Registries.PROTOCOL_VERSIONS.name(ch.version()) + ", "
                    + ch.cipherSpecs().size() + " cipher specs";
            case ServerHello sh -> Registries.CIPHER_SUITES.name(sh.cipherSuite()) + ", "
                    + Registries.PROTOCOL_VERSIONS.name(Extensions.selectedVersion(sh.extensions())
                    .orElse(sh.legacyVersion())) + ", " + extensions(sh.extensions());
            case Certificate c -> c.certificateList().size() + (c.certificateList().size() == 1 ? " certificate" : " certificates")
                    + sizes(c);
            case ServerKeyExchange ske -> keyExchange(ske);
            case ClientKeyExchange cke -> cke.keyExchange().name() + ", " + cke.exchangeKeys().length() + "-byte "
                    + switch (cke.keyExchange()) {
                        case RSA, RSA_EXPORT, RSA_PSK -> "encrypted premaster";
                        default -> "public value";
                    };
            case CertificateRequest cr -> cr.requestContext() != null ? extensions(cr.extensions())
                    : cr.certificateAuthorities().size() + " CA names";
            case CertificateVerify cv -> (cv.algorithm() >= 0 ? Registries.SIGNATURE_SCHEMES.name(cv.algorithm()) + ", " : "")
                    + cv.signature().length() + "-byte signature";
            case Finished f -> f.verifyData().length() + "-byte verify_data";
            case NewSessionTicket t -> "lifetime " + t.lifetime() + " s, " + t.ticket().length() + "-byte ticket";
            case EncryptedExtensions ee -> extensions(ee.extensions());
            case CertificateStatus cs -> Registries.CERTIFICATE_STATUS_TYPES.name(cs.statusType()) + ", "
                    + cs.response().length() + " bytes";
            case KeyUpdate ku -> ku.requestUpdate() == 1 ? "update_requested" : "update_not_requested";
            case UnknownMessage u -> u.body().length() + " bytes";
            case HelloRequest h -> "";
            case EndOfEarlyData e -> "";
            case ServerHelloDone d -> "";
        };
    }

    /**
     * RFC 8446 section 4.2.1: with supported_versions the legacy_version says nothing (it is 0x0303); the
     * list is what the client offers.
     */
    private static String offeredVersions(ClientHello ch) {
        return Extensions.find(ch.extensions(), SupportedVersions.Versions.class)
                .map(v -> "offers " + String.join(", ", v.versions().stream()
                        .map(Registries.PROTOCOL_VERSIONS::name).toList()))
                .orElse(Registries.PROTOCOL_VERSIONS.name(ch.legacyVersion()));
    }

    private static String keyExchange(ServerKeyExchange ske) {
        StringBuilder sb = new StringBuilder(ske.keyExchange().name());
        if (ske.namedCurve() >= 0) {
            sb.append(", ").append(Registries.NAMED_GROUPS.name(ske.namedCurve()));
        }
        if (ske.dhP() != null && ske.publicValue() != null && ske.curveType() < 0) {
            sb.append(", ").append(ske.dhPrimeBits()).append("-bit prime");
        }
        if (ske.signatureAlgorithm() >= 0) {
            sb.append(", signed ").append(Registries.SIGNATURE_SCHEMES.name(ske.signatureAlgorithm()));
        }
        return sb.toString();
    }

    private static String sizes(Certificate c) {
        List<String> sizes = c.certificateList().stream().map(e -> String.valueOf(e.certData().length())).toList();
        return sizes.isEmpty() ? "" : ", " + String.join("+", sizes) + " bytes";
    }

    private static String extensions(List<Extension> extensions) {
        if (extensions.isEmpty()) {
            return "no extensions";
        }
        List<String> names = extensions.stream().map(e -> Registries.EXTENSION_TYPES.name(e.type())).toList();
        return "extensions: " + String.join(" ", names);
    }
}
