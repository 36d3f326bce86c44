package org.tlsscope.tls.handshake;

import java.time.Instant;
import org.tlsscope.bytes.Slice;

/** What a hello's 32-byte random can reveal (RFC 8446 sections 4.1.3 and 4.1.1, RFC 5246 section 7.4.1.2). */
final class Randoms {
    /** SHA-256("HelloRetryRequest"): a ServerHello with this random is a HelloRetryRequest (RFC 8446 4.1.3). */
    static final Slice HELLO_RETRY_REQUEST =
            Slice.ofHex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");
    private static final Slice DOWNGRADE_TLS12 = Slice.ofHex("444f574e47524401");
    private static final Slice DOWNGRADE_TLS11 = Slice.ofHex("444f574e47524400");

    private Randoms() {
    }

    static boolean isHelloRetryRequest(Slice random) {
        return random.contentEquals(HELLO_RETRY_REQUEST);
    }

    /** The meaning the explain view prints next to a random. */
    static String describe(Slice random, boolean server) {
        if (server && isHelloRetryRequest(random)) {
            return "HelloRetryRequest marker (SHA-256 of \"HelloRetryRequest\", RFC 8446 section 4.1.3)";
        }
        Slice tail = random.slice(24, 8);
        if (server && tail.contentEquals(DOWNGRADE_TLS12)) {
            return "32-byte random ending in the TLS 1.2 downgrade sentinel DOWNGRD\\x01 (RFC 8446 section 4.1.3)";
        }
        if (server && tail.contentEquals(DOWNGRADE_TLS11)) {
            return "32-byte random ending in the TLS 1.1 downgrade sentinel DOWNGRD\\x00 (RFC 8446 section 4.1.3)";
        }
        // RFC 5246 section 7.4.1.2 starts the random with gmt_unix_time; many stacks now send random bytes.
        return "32-byte random (first 4 bytes as gmt_unix_time: " + Instant.ofEpochSecond(random.u32(0)) + ")";
    }
}
