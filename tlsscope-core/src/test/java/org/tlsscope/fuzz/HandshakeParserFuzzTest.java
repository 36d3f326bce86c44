package org.tlsscope.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.handshake.DissectionContext;
import org.tlsscope.tls.handshake.HandshakeParser;
import org.tlsscope.tls.handshake.ParsedMessage;
import org.tlsscope.tls.handshake.RawMessage;

/** Any bytes as any handshake message, in any negotiated context: a parse or a decode error, nothing else. */
class HandshakeParserFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void anyMessageBody(FuzzedDataProvider data) {
        int type = data.consumeInt(0, 255);
        int version = data.pickValue(new int[] {0, 0x0300, 0x0301, 0x0302, 0x0303, 0x0304});
        int suite = data.pickValue(new int[] {-1, 0x0035, 0xc02f, 0x009e, 0x00a8, 0xc0a6, 0x1301, 0x0018});
        byte[] body = data.consumeRemainingAsBytes();
        byte[] message = new byte[4 + body.length];
        message[0] = (byte) type;
        message[1] = (byte) (body.length >> 16);
        message[2] = (byte) (body.length >> 8);
        message[3] = (byte) body.length;
        System.arraycopy(body, 0, message, 4, body.length);
        ParsedMessage m = HandshakeParser.parse(new RawMessage(type, Slice.of(message), 5, 1),
                new DissectionContext(version, suite));
        assertThat(m.message()).isNotNull();
        if (m.malformed()) {
            assertThat(m.error().offset()).isBetween(0, message.length);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void anySslv2Record(byte[] record) {
        ParsedMessage m = HandshakeParser.parseSslv2(Slice.of(record), true);
        assertThat(m.message()).isNotNull();
    }
}
