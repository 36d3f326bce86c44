package org.tlsscope.analysis;

import org.tlsscope.capture.CaptureProblem;

/**
 * What the whole run read: reported once, after the last frame.
 *
 * @param format         "pcap", "pcapng" (with "+gzip")
 * @param frames         frames read
 * @param bytes          captured bytes of those frames
 * @param tcpConnections TCP connections seen
 * @param tlsConnections of those, the ones where TLS was recognized
 * @param problem        why the capture ended early, or null
 */
public record CaptureStats(String format, long frames, long bytes, int tcpConnections, int tlsConnections,
                           CaptureProblem problem) {
}
