package org.tlsscope.tls.ext;

import org.tlsscope.bytes.DecodeException;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;

/**
 * encrypted_client_hello (RFC 9849, draft-ietf-tls-esni). The outer ClientHello carries the encrypted
 * inner one; the inner ClientHello marks itself; EncryptedExtensions may carry retry_configs; a
 * HelloRetryRequest carries an 8-byte acceptance confirmation (section 7.2.1).
 */
public sealed interface EncryptedClientHello extends ExtensionBody {
    /** ECHClientHelloType (RFC 9849 section 5). */
    int OUTER = 0;
    int INNER = 1;

    /**
     * {@code HpkeSymmetricCipherSuite cipher_suite; uint8 config_id; opaque enc<0..2^16-1>;
     * opaque payload<1..2^16-1>;} with the cipher suite as its two RFC 9180 identifiers.
     */
    record Outer(int kdfId, int aeadId, int configId, Slice enc, Slice payload) implements EncryptedClientHello {
    }

    /** The ClientHelloInner's marker: type inner, nothing else. */
    record Inner() implements EncryptedClientHello {
    }

    /** EncryptedExtensions: the server's ECHConfigList, kept opaque. */
    record RetryConfigs(Slice retryConfigs) implements EncryptedClientHello {
    }

    /** HelloRetryRequest: {@code opaque confirmation[8]}. */
    record Confirmation(Slice confirmation) implements EncryptedClientHello {
    }

    static ExtensionBody read(FieldReader r, MessageContext context) {
        if (context.clientHello()) {
            int at = r.offset();
            int type = r.u8("type", t -> t == OUTER ? "outer" : t == INNER ? "inner" : "unknown (" + t + ")");
            return switch (type) {
                case OUTER -> readOuter(r);
                case INNER -> new Inner();
                // RFC 9849 section 7.1: an unknown ECHClientHello.type is an illegal_parameter.
                default -> throw DecodeException.illegalParameter(at, "ECHClientHelloType " + type + " is neither outer nor inner");
            };
        }
        if (context.is(MessageContext.ENCRYPTED_EXTENSIONS)) {
            return new RetryConfigs(Vectors.opaque(r, "retry_configs", 2, 4, s -> Vectors.bytes(s.length())));
        }
        if (context.helloRetry()) {
            return new Confirmation(r.bytes("confirmation", 8, null));
        }
        return Opaque.read(r);
    }

    private static Outer readOuter(FieldReader r) {
        int kdf = r.u16("kdf_id", EncryptedClientHello::kdfName);
        int aead = r.u16("aead_id", EncryptedClientHello::aeadName);
        int configId = r.u8("config_id");
        Slice enc = Vectors.opaque(r, "enc", 2, 0, null);
        Slice payload = Vectors.opaque(r, "payload", 2, 1, s -> Vectors.bytes(s.length()));
        return new Outer(kdf, aead, configId, enc, payload);
    }

    /** HPKE KDF identifiers (RFC 9180 section 7.2). */
    private static String kdfName(int id) {
        return switch (id) {
            case 0x0001 -> "HKDF-SHA256";
            case 0x0002 -> "HKDF-SHA384";
            case 0x0003 -> "HKDF-SHA512";
            default -> String.format("unknown (0x%04x)", id);
        };
    }

    /** HPKE AEAD identifiers (RFC 9180 section 7.3). */
    private static String aeadName(int id) {
        return switch (id) {
            case 0x0001 -> "AES-128-GCM";
            case 0x0002 -> "AES-256-GCM";
            case 0x0003 -> "ChaCha20Poly1305";
            case 0xffff -> "Export-only";
            default -> String.format("unknown (0x%04x)", id);
        };
    }
}
