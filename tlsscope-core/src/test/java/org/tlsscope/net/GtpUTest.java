package org.tlsscope.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tlsscope.bytes.Slice;

/** GTP-U headers built per 3GPP TS 29.281 section 5, in front of the first byte of an IPv4 header. */
class GtpUTest {

    private static int inner(String hex) {
        return GtpU.innerPacket(Slice.ofHex(hex.replace(" ", "")));
    }

    @Test
    void plainGPduHeaderIsEightBytes() {
        // version 1, PT 1, no E/S/PN; G-PDU; length 1; TEID 0x00000001; then 0x45
        assertThat(inner("30 ff 0001 00000001 45")).isEqualTo(8);
    }

    @Test
    void optionalFieldsAndAnExtensionHeaderChainComeFirst() {
        // E set: sequence 0, N-PDU 0, next type 0x85 (PDU session container), 4 bytes ending in type 0
        assertThat(inner("34 ff 000d 00000001 0000 00 85 01 10 01 00 45")).isEqualTo(16);
    }

    @Test
    void anythingElseIsNoInnerPacket() {
        assertThat(inner("30 01 0001 00000001 45")).isEqualTo(-1); // echo request, not a G-PDU
        assertThat(inner("50 ff 0001 00000001 45")).isEqualTo(-1); // GTP version 2
        assertThat(inner("34 ff 000d 00000001 0000 00 85 02 10 01 00")).isEqualTo(-1); // extension runs past the end
        assertThat(inner("34 ff 000d 00000001 0000 00 85 00 10 01 00 45")).isEqualTo(-1); // zero-length extension
        assertThat(inner("30 ff 0000 00000001")).isEqualTo(-1); // no T-PDU
    }
}
