package org.tlsscope.lab.engine;

import java.util.HexFormat;

/**
 * The first bytes a peer sent, kept to tell a TLS peer from something else (an HTTP client, a port
 * scanner) and to name what it sent in the reason the connection ended.
 */
final class FirstBytes {
    private static final int KEPT = 16;

    private final byte[] bytes = new byte[KEPT];
    private int length;

    void add(byte[] b, int n) {
        int take = Math.min(n, KEPT - length);
        System.arraycopy(b, 0, bytes, length, take);
        length += take;
    }

    int length() {
        return length;
    }

    /**
     * True unless the bytes cannot start a TLS record (RFC 8446 section 5.1, RFC 5246 section 6.2.1): a
     * content type from change_cipher_spec (20) to heartbeat (24), then a legacy version 3.x.
     */
    boolean looksLikeTls() {
        return (length < 1 || bytes[0] >= 20 && bytes[0] <= 24) && (length < 2 || bytes[1] == 3);
    }

    /** {@code not TLS: the first bytes are 'GET / HTTP/1.1\r\n'} (text when printable, hex otherwise). */
    String notTls() {
        return "not TLS: the first bytes are " + shown();
    }

    private String shown() {
        StringBuilder text = new StringBuilder("'");
        for (int i = 0; i < length; i++) {
            int c = bytes[i] & 0xff;
            switch (c) {
                case '\r' -> text.append("\\r");
                case '\n' -> text.append("\\n");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        return HexFormat.ofDelimiter(" ").formatHex(bytes, 0, length);
                    }
                    text.append((char) c);
                }
            }
        }
        return text.append('\'').toString();
    }
}
