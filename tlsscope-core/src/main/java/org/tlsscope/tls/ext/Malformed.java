package org.tlsscope.tls.ext;

/**
 * Why an extension's extension_data could not be decoded. The extension is kept (as {@link Opaque})
 * and the hello goes on being dissected, so one bad extension costs one finding, not the message.
 *
 * @param offset first byte that could not be decoded, within the record
 * @param alert  the alert a conforming peer would send ("decode_error", "illegal_parameter")
 * @param reason one line for a person
 */
public record Malformed(int offset, String alert, String reason) {
}
