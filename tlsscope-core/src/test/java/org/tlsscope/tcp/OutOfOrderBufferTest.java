package org.tlsscope.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsscope.tcp.Wire.ascii;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsscope.bytes.Slice;
import org.tlsscope.net.TcpSegment;

class OutOfOrderBufferTest {
    private final OutOfOrderBuffer buffer = new OutOfOrderBuffer();
    private final TcpSegment segment = new Wire().send(Wire.CLIENT, Wire.SERVER, 0, 0, Wire.ACK);

    private void insert(long start, String data) {
        buffer.insert(start, Slice.of(ascii(data)), data.length(), segment);
    }

    private List<String> drain() {
        List<String> pieces = new ArrayList<>();
        while (!buffer.isEmpty()) {
            OutOfOrderBuffer.Piece p = buffer.pollFirst();
            pieces.add(p.start() + ":" + new String(p.bytes(), StandardCharsets.US_ASCII) + "/" + p.span());
        }
        return pieces;
    }

    @Test
    void copiesOnlyTheBytesNotAlreadyHeld() {
        insert(4, "quick");
        insert(6, "ickbr"); // overlaps the end of "quick"
        insert(2, "e quic"); // overlaps its start
        insert(0, "the quickbrown"); // covers all of it and more
        assertThat(buffer.heldBytes()).isEqualTo(14);
        assertThat(buffer.pieceCount()).isEqualTo(5);
        assertThat(drain()).containsExactly("0:th/2", "2:e /2", "4:quick/5", "9:br/2", "11:own/3");
        assertThat(buffer.heldBytes()).isZero();
    }

    @Test
    void keepsTheSpanOfBytesTheSnaplenCut() {
        buffer.insert(20, Slice.of(ascii("abc")), 10, segment);
        insert(25, "fghijklm"); // only the part past the truncated segment is new
        assertThat(buffer.heldBytes()).isEqualTo(6);
        assertThat(drain()).containsExactly("20:abc/10", "30:klm/3");
    }
}
