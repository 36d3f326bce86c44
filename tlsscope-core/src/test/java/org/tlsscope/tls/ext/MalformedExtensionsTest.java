package org.tlsscope.tls.ext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.tlsscope.bytes.DecodeException;
import org.tlsscope.bytes.Field;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;

/**
 * Damage inside one extension costs that extension (kept as a malformed Opaque, with the alert and the
 * offset); damage to the block's framing costs the block (a DecodeException).
 */
class MalformedExtensionsTest {
    /** Offset of extension_data when the damaged extension is the first of the block. */
    private static final int DATA = 6;

    @Test
    void blockLengthPastTheEnd() {
        assertDecodeError("0010 0023 0000", 0, "extensions_length 16");
    }

    @Test
    void extensionLengthPastTheBlock() {
        assertDecodeError("0006 000a 0008 001d 0017", 4, "length 8");
    }

    @Test
    void leftoverBytesTooFewForAHeader() {
        assertDecodeError("0007 0023 0000 000a 00", 6, "too few for an extension header");
    }

    @Test
    void noRoomForTheBlockLength() {
        assertDecodeError("00", 0, "extensions_length");
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                // RFC 8446 section 4.2.7: named_group_list<2..2^16-1> of uint16.
                bad("supported_groups odd length", 10, "0003 001d00", 1, DATA, "decode_error"),
                bad("supported_groups empty", 10, "0000", 1, DATA, "decode_error"),
                bad("supported_groups list past the extension", 10, "0004 001d", 1, DATA + 2, "decode_error"),
                // RFC 8422 section 5.1.2: ec_point_format_list<1..2^8-1>.
                bad("ec_point_formats empty", 11, "00", 1, DATA, "decode_error"),
                // RFC 8446 section 4.2.3: supported_signature_algorithms<2..2^16-2>.
                bad("signature_algorithms odd length", 13, "0003 040305", 1, DATA, "decode_error"),
                bad("signature_algorithms_cert empty", 50, "0000", 13, DATA, "decode_error"),
                // RFC 7301 section 3.1: protocol_name_list<2..2^16-1>, ProtocolName<1..2^8-1>.
                bad("alpn empty list", 16, "0000", 1, DATA, "decode_error"),
                bad("alpn empty protocol name", 16, "0003 00 016832", 1, DATA + 2, "decode_error"),
                bad("alpn protocol name past the list", 16, "0003 05 6832", 1, DATA + 3, "decode_error"),
                // RFC 6066 section 3: server_name_list<1..2^16-1>, HostName<1..2^16-1>; the server's is empty.
                bad("server_name empty list", 0, "0000", 1, DATA, "decode_error"),
                bad("server_name empty host_name", 0, "0003 00 0000", 1, DATA + 3, "decode_error"),
                bad("server_name from a server not empty", 0, "00", 2, DATA, "decode_error"),
                // RFC 8446 section 4.2.1: versions<2..254>.
                bad("supported_versions empty", 43, "00", 1, DATA, "decode_error"),
                bad("supported_versions odd length", 43, "03 030403", 1, DATA, "decode_error"),
                bad("selected_version cut short", 43, "03", 2, DATA, "decode_error"),
                // RFC 8446 section 4.2.8: key_exchange<1..2^16-1>.
                bad("key_share empty key_exchange", 51, "0004 001d 0000", 1, DATA + 4, "decode_error"),
                bad("key_share server share with trailing bytes", 51, "001d 0001 aa bb", 2, DATA + 5, "decode_error"),
                // RFC 8446 section 4.2.9 and 4.2.2.
                bad("psk_key_exchange_modes empty", 45, "00", 1, DATA, "decode_error"),
                bad("cookie empty", 44, "0000", 2, DATA, "decode_error"),
                // RFC 6962 section 3.3.1: sct_list<1..2^16-1>.
                bad("sct_list empty", 18, "0000", 2, DATA, "decode_error"),
                // RFC 8449 section 4: below 64 is an illegal_parameter.
                bad("record_size_limit 63", 28, "003f", 1, DATA, "illegal_parameter"),
                bad("record_size_limit cut short", 28, "40", 1, DATA, "decode_error"),
                // Empty-bodied extensions must be empty.
                bad("extended_master_secret not empty", 23, "00", 1, DATA, "decode_error"),
                // RFC 8446 section 4.2.11: identities<7..2^16-1>, one binder per identity.
                bad("pre_shared_key identities too short", 41, "0000 0021 20" + "00".repeat(32), 1, DATA, "decode_error"),
                bad("pre_shared_key two binders for one identity", 41,
                        "0007 0001 aa 00000000 0042 20" + "11".repeat(32) + "20" + "22".repeat(32), 1, DATA + 9,
                        "illegal_parameter"),
                bad("pre_shared_key binder of 31 bytes", 41,
                        "0007 0001 aa 00000000 0020 1f" + "11".repeat(31), 1, DATA + 9, "decode_error"),
                // RFC 8446 section 4.2.10: max_early_data_size is a uint32.
                bad("max_early_data_size cut short", 42, "0000", 4, DATA, "decode_error"),
                // RFC 9849 section 5: ECHClientHelloType is outer(0) or inner(1).
                bad("encrypted_client_hello unknown type", 0xfe0d, "02", 1, DATA, "illegal_parameter"),
                bad("encrypted_client_hello outer with empty payload", 0xfe0d, "00 0001 0001 07 0000 0000", 1,
                        DATA + 8, "decode_error"),
                // RFC 8879 section 3: algorithms<2..2^8-2>.
                bad("compress_certificate odd length", 27, "03 000200", 1, DATA, "decode_error"),
                // RFC 6066 section 8: OCSPResponse<1..2^24-1>.
                bad("certificate status empty response", 5, "01 000000", 11, DATA + 1, "decode_error"),
                // RFC 5746 section 3.2: renegotiated_connection<0..255>.
                bad("renegotiation_info past the extension", 0xff01, "0c 0102", 2, DATA + 1, "decode_error"));
    }

    static Arguments bad(String what, int type, String data, int handshakeType, int offset, String alert) {
        return Arguments.of(what, type, data, handshakeType, offset, alert);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedExtensionIsKeptAndTheNextOneDecoded(String what, int type, String data, int handshakeType,
                                                      int offset, String alert) {
        byte[] damaged = Wire.extension(type, data);
        FieldReader r = new FieldReader(Slice.of(Wire.block(damaged, Wire.extension(23, ""))), 0);

        List<Extension> exts = ExtensionsReader.read(r, handshakeType, false);

        assertThat(exts).hasSize(2);
        Extension bad = exts.getFirst();
        assertThat(bad.type()).isEqualTo(type);
        assertThat(bad.length()).isEqualTo(damaged.length);
        assertThat(bad.body()).isInstanceOfSatisfying(Opaque.class,
                o -> assertThat(o.extensionData().hex()).isEqualTo(Slice.ofHex(data).hex()));
        assertThat(bad.malformed()).hasValueSatisfying(m -> {
            assertThat(m.offset()).isEqualTo(offset);
            assertThat(m.alert()).isEqualTo(alert);
        });
        assertThat(Extensions.malformed(exts)).containsExactly(bad);
        assertThat(exts.get(1).body()).isEqualTo(new ExtendedMasterSecret());

        Field recorded = r.fields().get(1).children().getFirst().child("malformed");
        assertThat(recorded.offset()).isEqualTo(offset);
        assertThat(recorded.length()).isEqualTo(2 + damaged.length - offset);
        assertThat(recorded.value()).isEqualTo(bad.malformed().orElseThrow().reason());
        assertThat(recorded.text()).startsWith(alert + ": ");
    }

    private static void assertDecodeError(String hex, int offset, String reason) {
        FieldReader r = new FieldReader(Slice.ofHex(hex), 0);
        assertThatThrownBy(() -> ExtensionsReader.read(r, 1, false))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.alert()).isEqualTo("decode_error");
                    assertThat(e.reason()).contains(reason);
                });
    }
}
