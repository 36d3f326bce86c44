package org.tlsscope.tls.connection;

import org.tlsscope.testing.TlsHarness;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tcp.Direction;

/**
 * The TLS layer's entry point: arbitrary bytes in both directions, cut into arbitrary segments, with
 * gaps. Whatever comes in, records and findings come out and no exception escapes.
 */
class TlsStreamFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void anyStreams(FuzzedDataProvider data) {
        TlsHarness h = new TlsHarness(data.consumeBoolean(), data.consumeBoolean());
        while (data.remainingBytes() > 0) {
            Direction d = data.consumeBoolean() ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
            if (data.consumeInt(0, 20) == 0) {
                h.gap(d, data.consumeInt(1, 100_000));
            } else {
                h.send(d, Slice.of(data.consumeBytes(data.consumeInt(1, 3000))));
            }
        }
        h.end();
    }
}
