package org.tlsscope.decrypt.keys;

/** CONTRACT: a key log line that was not used, and why ("line 12: secret of 47 bytes, expected 48"). */
public record KeyLogProblem(String source, int line, String reason) {
}
