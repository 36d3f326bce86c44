package org.tlsscope.capture;

/**
 * Why a capture stopped before its end: the file offset of the damaged or missing bytes and what was
 * wrong there ("packet record header claims 4194304 bytes, more than the 262144 snaplen").
 */
public record CaptureProblem(long fileOffset, String message) {
    @Override
    public String toString() {
        return message + " at file offset " + fileOffset;
    }
}
