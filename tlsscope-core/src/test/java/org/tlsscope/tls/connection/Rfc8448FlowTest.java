package org.tlsscope.tls.connection;

import org.tlsscope.testing.TlsHarness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsscope.testing.TlsHarness.filler;
import static org.tlsscope.testing.TlsHarness.record;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tlsscope.bytes.Slice;
import org.tlsscope.testing.HexBlocks;

/**
 * RFC 8448 section 3 as a connection sees it without keys: the two hellos in plaintext, then the
 * server's encrypted flight (one 674-byte record in the RFC) and the client's encrypted Finished (53 bytes).
 */
class Rfc8448FlowTest {
    private static final Map<String, Slice> SIMPLE = HexBlocks.load("/rfc8448/section3-simple-1rtt.hex");

    @Test
    void tls13HandshakeWithoutKeys() {
        TlsHarness h = new TlsHarness();
        h.client(record(22, 0x0301, SIMPLE.get("client_hello")));
        h.server(record(22, 0x0303, SIMPLE.get("server_hello")));
        h.server(record(23, 0x0303, filler(0x2a2, 1)));
        h.client(record(23, 0x0303, filler(0x35, 2)));
        h.client(record(23, 0x0303, filler(100, 3)));
        h.server(record(23, 0x0303, filler(200, 4)));
        ConnectionReport r = h.end();

        assertThat(r.version()).isEqualTo(0x0304);
        assertThat(r.cipherSuite()).isEqualTo(0x1301);
        assertThat(r.sni()).isEqualTo("server");
        assertThat(h.messageTypes()).containsExactly("client:client_hello", "server:server_hello");
        assertThat(r.encryptedHandshakeRecords()).isEqualTo(2);
        assertThat(r.established()).isTrue();
        assertThat(r.resumed()).isFalse();
        assertThat(r.clientAppBytes()).isEqualTo(100);
        assertThat(r.serverAppBytes()).isEqualTo(200);
        assertThat(h.records).extracting(RecordEvent::flight).containsExactly(1, 2, 2, 3, 0, 0);
        assertThat(h.findings).isEmpty();
    }

    @Test
    void helloRecordsSplitAtEveryByteBoundaryParseTheSame() {
        Slice ch = record(22, 0x0301, SIMPLE.get("client_hello"));
        for (int cut = 1; cut < ch.length(); cut++) {
            TlsHarness h = new TlsHarness();
            h.client(ch.slice(0, cut)).client(ch.from(cut));
            h.server(record(22, 0x0303, SIMPLE.get("server_hello")));
            ConnectionReport r = h.end();
            assertThat(h.messageTypes()).as("cut at " + cut).containsExactly("client:client_hello", "server:server_hello");
            assertThat(r.sni()).isEqualTo("server");
            assertThat(h.findings).as("cut at " + cut).isEmpty();
        }
    }
}
