package org.tlsscope.capture;

import java.io.IOException;

/** The input is not a capture tlsscope can read (wrong magic number, unsupported version). */
public final class CaptureFormatException extends IOException {
    public CaptureFormatException(String message) {
        super(message);
    }
}
