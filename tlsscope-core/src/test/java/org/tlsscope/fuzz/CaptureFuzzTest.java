package org.tlsscope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.tlsscope.capture.CaptureFormatException;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.tls.connection.TlsListener;

/**
 * The capture entry point, end to end: any bytes read as a capture file and run through the whole
 * pipeline. A file that is not a capture is refused with CaptureFormatException; anything else is read
 * as far as it goes. No other exception may escape.
 */
class CaptureFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anyFileThroughTheWholePipeline(byte[] file) throws IOException {
        try (CaptureReader reader = Captures.open(new ByteArrayInputStream(file))) {
            Analyzer.run(reader, new TlsListener() {
                @Override
                public boolean wantsFields() {
                    return true;
                }
            });
        } catch (CaptureFormatException notACapture) {
            // the documented refusal
        }
    }
}
