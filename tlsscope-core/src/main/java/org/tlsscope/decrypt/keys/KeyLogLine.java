package org.tlsscope.decrypt.keys;

import java.util.HexFormat;

/**
 * One line of a key log, read (RFC 9850 section 3: {@code LABEL SP key SP secret}, hex in either case).
 * Runs of spaces or tabs are taken as one separator and trailing ones are dropped: producers that pad
 * lines are common and nothing is ambiguous about them.
 */
sealed interface KeyLogLine {
    /** Comment or blank line (RFC 9850 section 3: lines starting with '#' and empty lines are ignored). */
    record Blank() implements KeyLogLine {
    }

    /** A usable entry: {@code key} is the lower-case hex of what it is found by. */
    record Entry(Label label, String key, byte[] secret) implements KeyLogLine {
    }

    /** A line that cannot be used, and why. */
    record Rejected(String reason) implements KeyLogLine {
    }

    int CLIENT_RANDOM_BYTES = 32;
    int ENCRYPTED_PREFIX_BYTES = 8;
    /** RFC 5246 section 7.4.1.2: SessionID session_id<0..32>. */
    int MAX_SESSION_ID_BYTES = 32;
    /** How much of a bad token a reason quotes. */
    int QUOTE = 40;

    static KeyLogLine parse(String line) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return new Blank();
        }
        String[] fields = text.split("[ \t]+");
        try {
            return switch (fields[0]) {
                case "RSA" -> fields.length > 1 && fields[1].startsWith("Session-ID:") ? sessionId(fields) : rsa(fields);
                case "SERVER_EARLY_TRAFFIC_SECRET" -> new Rejected("SERVER_EARLY_TRAFFIC_SECRET is no TLS 1.3 secret"
                        + " (RFC 8446 section 7.1 has only a client early traffic secret): ignored");
                default -> {
                    Label label = Label.forClientRandom(fields[0]);
                    if (label == null) {
                        throw new Bad("unknown label \"" + quote(fields[0]) + "\"");
                    }
                    yield keyed(label, fields, "client random", CLIENT_RANDOM_BYTES);
                }
            };
        } catch (Bad bad) {
            return new Rejected(bad.getMessage());
        }
    }

    /** NSS before 3.34: {@code RSA <first 8 bytes of the encrypted pre-master> <pre-master>}. */
    private static KeyLogLine rsa(String[] fields) throws Bad {
        return keyed(Label.RSA, fields, "encrypted pre-master prefix", ENCRYPTED_PREFIX_BYTES);
    }

    private static KeyLogLine keyed(Label label, String[] fields, String keyName, int keyBytes) throws Bad {
        if (fields.length != 3) {
            throw new Bad(label.name() + " line with " + fields.length + " fields, expected 3 (label, "
                    + keyName + ", secret)");
        }
        byte[] key = hex(keyName, fields[1]);
        if (key.length != keyBytes) {
            throw new Bad(keyName + " of " + key.length + " bytes, expected " + keyBytes);
        }
        return entry(label, key, hex("secret", fields[2]));
    }

    /** Wireshark's {@code RSA Session-ID:<hex> Master-Key:<hex>}, the form OpenSSL's SSL_SESSION_print writes. */
    private static KeyLogLine sessionId(String[] fields) throws Bad {
        if (fields.length != 3 || !fields[2].startsWith("Master-Key:")) {
            throw new Bad("RSA Session-ID line without its Master-Key: field");
        }
        byte[] id = hex("session ID", fields[1].substring("Session-ID:".length()));
        if (id.length == 0) {
            // A ticket-resumed session has no session ID (neykov/extract-tls-secrets#5).
            throw new Bad("empty session ID: the session cannot be found by it (use the CLIENT_RANDOM line instead)");
        }
        if (id.length > MAX_SESSION_ID_BYTES) {
            throw new Bad("session ID of " + id.length + " bytes, at most " + MAX_SESSION_ID_BYTES);
        }
        return entry(Label.RSA_SESSION_ID, id, hex("master key", fields[2].substring("Master-Key:".length())));
    }

    private static Entry entry(Label label, byte[] key, byte[] secret) throws Bad {
        String wrongLength = label.checkLength(secret.length);
        if (wrongLength != null) {
            throw new Bad(wrongLength);
        }
        return new Entry(label, HexFormat.of().formatHex(key), secret);
    }

    private static byte[] hex(String what, String digits) throws Bad {
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0 || digits.charAt(i) > 'f') {
                throw new Bad(what + " is not hex: \"" + quote(digits) + "\" has '" + quote(digits.substring(i, i + 1))
                        + "' at character " + (i + 1));
            }
        }
        if ((digits.length() & 1) != 0) {
            throw new Bad(what + " has an odd number of hex digits (" + digits.length() + ")");
        }
        return HexFormat.of().parseHex(digits);
    }

    /** A token as it may be shown: shortened, control characters made visible. */
    private static String quote(String token) {
        String shown = token.length() > QUOTE ? token.substring(0, QUOTE) + "..." : token;
        StringBuilder b = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == '\uFFFD' || c == '\uFEFF') {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /** A line's fault, thrown out of the nested readers; never leaves {@link #parse}. */
    final class Bad extends Exception {
        Bad(String reason) {
            super(reason, null, false, false);
        }
    }
}
