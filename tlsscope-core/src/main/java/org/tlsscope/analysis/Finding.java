package org.tlsscope.analysis;

/**
 * Something worth telling the user about a connection or the capture: a malformed structure, a gap in
 * the stream, a weak choice. Findings never stop the analysis.
 *
 * @param code       stable identifier ("tls.record.malformed", "tcp.gap")
 * @param severity   info, warning or error
 * @param connection connection id, or 0 for the capture as a whole
 * @param frame      frame number where it was seen, or 0 when not tied to a frame
 * @param offset     byte offset within the record (or stream), or -1
 * @param message    one line for a person
 * @param reference  the RFC section or advisory it rests on, or null
 */
public record Finding(String code, Severity severity, int connection, long frame, long offset, String message,
                      String reference) {
}
