package org.tlsscope.tls.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsscope.testing.TlsHarness.concat;
import static org.tlsscope.testing.TlsHarness.filler;
import static org.tlsscope.testing.TlsHarness.record;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsscope.analysis.Finding;
import org.tlsscope.bytes.Slice;
import org.tlsscope.testing.TlsHarness;
import org.tlsscope.tls.handshake.HandshakeAssembler;

/**
 * A handshake message that claims more than the assembler gathers ({@link HandshakeAssembler#MAX_MESSAGE}): one
 * finding, in stream order with what came before it, its bytes skipped, and the messages after it read.
 */
class HandshakeTooLargeTest {
    private static final int CLAIMED = HandshakeAssembler.MAX_MESSAGE + 1;

    /** A handshake message header: type, then a uint24 length. */
    private static Slice header(int type, int length) {
        return Slice.of(new byte[] {(byte) type, (byte) (length >> 16), (byte) (length >> 8), (byte) length});
    }

    @Test
    void isReportedAfterTheMessagesBeforeItInItsRecordAndSkipped() {
        // One record: a ClientHello cut short (malformed: its body ends inside the random), then the header of a
        // certificate claiming more than the bound, with the first bytes of its body.
        Slice malformedHello = concat(header(1, 6), Slice.ofHex("0303 0102 0304"));
        TlsHarness h = new TlsHarness();
        h.client(record(22, 0x0303, concat(malformedHello, header(11, CLAIMED), filler(100, 1))));

        List<String> codes = codes(h.findings);
        assertThat(codes).containsSubsequence("tls.handshake.malformed", "tls.handshake.too_large");
        Finding tooLarge = only(h.findings, "tls.handshake.too_large");
        assertThat(tooLarge.message()).isEqualTo("certificate claims " + CLAIMED + " bytes, over the "
                + HandshakeAssembler.MAX_MESSAGE + "-byte bound; skipped");
        assertThat(tooLarge.frame()).isEqualTo(1);
    }

    @Test
    void aHeaderSplitOverRecordsIsJudgedWhenWholeAndTheStreamGoesOnAfterTheSkippedBytes() {
        TlsHarness h = new TlsHarness();
        Slice claim = header(11, CLAIMED);
        // The header's first two bytes end one record, the other two start the next.
        h.client(record(22, 0x0303, claim.slice(0, 2)));
        h.client(record(22, 0x0303, concat(claim.slice(2, 2), filler(16_000, 2))));
        assertThat(codes(h.findings)).containsExactly("tls.handshake.too_large");
        assertThat(only(h.findings, "tls.handshake.too_large").frame()).isEqualTo(2);

        // The rest of the claimed body, in records of 16,000 bytes, then a whole message after it.
        int left = CLAIMED - 16_000;
        while (left > 0) {
            int n = Math.min(left, 16_000);
            h.client(record(22, 0x0303, filler(n, 3)));
            left -= n;
        }
        h.client(record(22, 0x0303, concat(header(16, 2), Slice.ofHex("0000"))));
        h.end();
        assertThat(codes(h.findings)).containsExactly("tls.handshake.too_large");
        assertThat(h.messageTypes()).containsExactly("client:client_key_exchange");
    }

    private static List<String> codes(List<Finding> findings) {
        List<String> codes = new ArrayList<>();
        for (Finding f : findings) {
            if (f.code().startsWith("tls.handshake")) {
                codes.add(f.code());
            }
        }
        return codes;
    }

    private static Finding only(List<Finding> findings, String code) {
        return findings.stream().filter(f -> f.code().equals(code)).reduce((a, b) -> {
            throw new AssertionError("two " + code + " findings");
        }).orElseThrow();
    }
}
