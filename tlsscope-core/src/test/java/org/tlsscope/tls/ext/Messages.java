package org.tlsscope.tls.ext;

import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;

/**
 * Steps over the fields that precede the extensions of whole handshake messages (header included),
 * so tests can feed real messages and check offsets against the bytes as the RFCs print them.
 */
final class Messages {
    private Messages() {
    }

    /** RFC 8446 section 4.1.2: legacy_version, random, legacy_session_id, cipher_suites, compression. */
    static FieldReader atClientHelloExtensions(String hex) {
        FieldReader r = new FieldReader(Slice.ofHex(hex), 0);
        r.rawBytes(4 + 2 + 32, "header, legacy_version, random");
        r.rawBytes(r.rawU8(), "legacy_session_id");
        r.rawBytes(r.rawU16(), "cipher_suites");
        r.rawBytes(r.rawU8(), "legacy_compression_methods");
        return r;
    }

    /** RFC 8446 section 4.1.3: legacy_version, random, legacy_session_id_echo, cipher_suite, compression. */
    static FieldReader atServerHelloExtensions(String hex) {
        FieldReader r = new FieldReader(Slice.ofHex(hex), 0);
        r.rawBytes(4 + 2 + 32, "header, legacy_version, random");
        r.rawBytes(r.rawU8(), "legacy_session_id_echo");
        r.rawBytes(2 + 1, "cipher_suite, legacy_compression_method");
        return r;
    }

    /** RFC 8446 section 4.3.1: the extensions follow the handshake header. */
    static FieldReader atEncryptedExtensions(String hex) {
        FieldReader r = new FieldReader(Slice.ofHex(hex), 0);
        r.rawBytes(4, "header");
        return r;
    }

    /** RFC 8446 section 4.6.1: ticket_lifetime, ticket_age_add, ticket_nonce, ticket. */
    static FieldReader atNewSessionTicketExtensions(String hex) {
        FieldReader r = new FieldReader(Slice.ofHex(hex), 0);
        r.rawBytes(4 + 4 + 4, "header, ticket_lifetime, ticket_age_add");
        r.rawBytes(r.rawU8(), "ticket_nonce");
        r.rawBytes(r.rawU16(), "ticket");
        return r;
    }
}
