package org.tlsscope.decrypt.keys;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The key log labels this reader understands (RFC 9850 section 3, plus the two Wireshark-only forms),
 * what each is keyed by and which secret lengths are legal.
 */
enum Label {
    /** The TLS 1.2-and-earlier master secret (RFC 5246 section 8.1: always 48 bytes). */
    CLIENT_RANDOM(Keyed.CLIENT_RANDOM, 48),
    // TLS 1.3 secrets are Hash.length bytes (RFC 8446 section 7.1): 32 for SHA-256 (and SM3), 48 for SHA-384.
    CLIENT_EARLY_TRAFFIC_SECRET(Keyed.CLIENT_RANDOM, 32, 48),
    EARLY_EXPORTER_SECRET(Keyed.CLIENT_RANDOM, 32, 48),
    CLIENT_HANDSHAKE_TRAFFIC_SECRET(Keyed.CLIENT_RANDOM, 32, 48),
    SERVER_HANDSHAKE_TRAFFIC_SECRET(Keyed.CLIENT_RANDOM, 32, 48),
    CLIENT_TRAFFIC_SECRET_0(Keyed.CLIENT_RANDOM, 32, 48),
    SERVER_TRAFFIC_SECRET_0(Keyed.CLIENT_RANDOM, 32, 48),
    EXPORTER_SECRET(Keyed.CLIENT_RANDOM, 32, 48),
    /** The HPKE KEM shared secret, Nsecret bytes (RFC 9180 section 7.1: 32, 48 or 64). */
    ECH_SECRET(Keyed.CLIENT_RANDOM, 32, 48, 64),
    /** The ECHConfig in use, kept for the record; nothing decrypts with it. */
    ECH_CONFIG(Keyed.CLIENT_RANDOM),
    /** Wireshark: a pre-master secret of any length (48 bytes for RSA, the shared secret for (EC)DHE). */
    PMS_CLIENT_RANDOM(Keyed.CLIENT_RANDOM),
    /** Legacy NSS: the 48-byte RSA pre-master secret, keyed by the first 8 bytes of its encryption. */
    RSA(Keyed.ENCRYPTED_PRE_MASTER, 48),
    /** Wireshark, after OpenSSL's SSL_SESSION_print: a master secret keyed by session ID. */
    RSA_SESSION_ID(Keyed.SESSION_ID, 48);

    /** What an entry is found by. */
    enum Keyed {
        CLIENT_RANDOM, ENCRYPTED_PRE_MASTER, SESSION_ID
    }

    final Keyed keyed;
    private final int[] lengths;

    Label(Keyed keyed, int... lengths) {
        this.keyed = keyed;
        this.lengths = lengths;
    }

    /** The label of a client-random entry by its name, or null. */
    static Label forClientRandom(String name) {
        for (Label l : values()) {
            if (l.keyed == Keyed.CLIENT_RANDOM && l.name().equals(name)) {
                return l;
            }
        }
        return null;
    }

    /** Null if a secret of {@code length} bytes is legal for this label, else why not. */
    String checkLength(int length) {
        if (length == 0) {
            return "empty secret";
        }
        if (lengths.length == 0 || Arrays.stream(lengths).anyMatch(l -> l == length)) {
            return null;
        }
        String all = Arrays.stream(lengths).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        String expected = last < 0 ? all : all.substring(0, last) + " or " + all.substring(last + 2);
        return "secret of " + length + (length == 1 ? " byte" : " bytes") + ", expected " + expected;
    }
}
