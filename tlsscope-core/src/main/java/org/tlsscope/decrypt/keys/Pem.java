package org.tlsscope.decrypt.keys;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PEM blocks of a text (RFC 7468), whatever surrounds them: comment lines, "subject=" lines that
 * openssl prints, other blocks. RFC 1421 headers inside a block (Proc-Type, DEK-Info of OpenSSL's
 * legacy key encryption) are kept.
 */
final class Pem {
    /**
     * @param type    the label, "RSA PRIVATE KEY"
     * @param headers RFC 1421 headers, in order
     * @param der     the decoded body, or null if it is damaged (bad base64, no END line)
     * @param line    the 1-based line of the BEGIN line
     */
    record Block(String type, Map<String, String> headers, byte[] der, int line) {
    }

    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([^-]+)-----");
    private static final Pattern HEADER = Pattern.compile("([A-Za-z-]+):\\s*(.*)");

    private Pem() {
    }

    static List<Block> blocks(String text) {
        String[] lines = text.split("\r\n|\r|\n");
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher begin = BEGIN.matcher(lines[i].strip());
            if (!begin.matches()) {
                continue;
            }
            String type = begin.group(1);
            String end = "-----END " + type + "-----";
            Map<String, String> headers = new LinkedHashMap<>();
            StringBuilder body = new StringBuilder();
            int at = i;
            boolean ended = false;
            while (++i < lines.length) {
                String line = lines[i].strip();
                if (line.equals(end)) {
                    ended = true;
                    break;
                }
                if (BEGIN.matcher(line).matches()) {
                    i--; // no END line: the next block is read on its own
                    break;
                }
                Matcher header = HEADER.matcher(line);
                if (body.isEmpty() && header.matches()) {
                    headers.put(header.group(1), header.group(2));
                } else {
                    body.append(line);
                }
            }
            blocks.add(new Block(type, headers, ended ? decode(body) : null, at + 1));
        }
        return blocks;
    }

    private static byte[] decode(CharSequence base64) {
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
