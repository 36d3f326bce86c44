package org.tlsscope.tls.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tlsscope.bytes.Field;
import org.tlsscope.bytes.Slice;
import org.tlsscope.testing.HexBlocks;

/** The TLS 1.3 messages of RFC 8448, dissected field by field. */
class Rfc8448MessagesTest {
    private static final Map<String, Slice> SIMPLE = HexBlocks.load("/rfc8448/section3-simple-1rtt.hex");
    private static final DissectionContext TLS13 = new DissectionContext(0x0304, 0x1301);

    private static ParsedMessage parse(String name, DissectionContext ctx) {
        Slice bytes = SIMPLE.get(name);
        ParsedMessage m = HandshakeParser.parse(new RawMessage(bytes.u8(0), bytes, 5, 1), ctx);
        assertThat(m.error()).as(name + " parses").isNull();
        return m;
    }

    @Test
    void clientHello() {
        ParsedMessage m = parse("client_hello", DissectionContext.INITIAL);
        ClientHello ch = (ClientHello) m.message();
        assertThat(ch.legacyVersion()).isEqualTo(0x0303);
        assertThat(ch.random().hex()).startsWith("cb34ecb1e78163ba");
        assertThat(ch.legacySessionId().length()).isZero();
        assertThat(ch.cipherSuites()).containsExactly(0x1301, 0x1303, 0x1302);
        assertThat(ch.compressionMethods()).containsExactly(0);
        // server_name, renegotiation_info, supported_groups, session_ticket, key_share, supported_versions,
        // signature_algorithms, psk_key_exchange_modes, record_size_limit
        assertThat(ch.extensions()).extracting(e -> e.type())
                .containsExactly(0, 0xff01, 10, 35, 51, 43, 13, 45, 28);
        assertThat(m.name()).isEqualTo("client_hello");
    }

    @Test
    void clientHelloFieldsCarryOffsetsIntoTheMessage() {
        ParsedMessage m = parse("client_hello", DissectionContext.INITIAL);
        List<Field> f = m.fields();
        assertThat(f).extracting(Field::name).startsWith("msg_type", "length", "legacy_version", "random",
                "legacy_session_id_length", "legacy_session_id", "cipher_suites_length", "cipher_suites");
        Field suites = f.stream().filter(x -> x.name().equals("cipher_suites")).findFirst().orElseThrow();
        assertThat(suites.offset()).isEqualTo(41);
        assertThat(suites.length()).isEqualTo(6);
        assertThat(suites.children()).extracting(Field::value).containsExactly(0x1301, 0x1303, 0x1302);
        Field random = f.get(3);
        assertThat(random.offset()).isEqualTo(6);
        assertThat(random.length()).isEqualTo(32);
    }

    @Test
    void serverHello() {
        ServerHello sh = (ServerHello) parse("server_hello", DissectionContext.INITIAL).message();
        assertThat(sh.cipherSuite()).isEqualTo(0x1301);
        assertThat(sh.helloRetryRequest()).isFalse();
        assertThat(sh.extensions()).extracting(e -> e.type()).containsExactly(51, 43);
        assertThat(sh.extensions().get(1).data().hex()).isEqualTo("0304");
    }

    @Test
    void encryptedExtensions() {
        EncryptedExtensions ee = (EncryptedExtensions) parse("encrypted_extensions", TLS13).message();
        assertThat(ee.extensions()).extracting(e -> e.type()).containsExactly(10, 28, 0);
    }

    @Test
    void certificateInTheTls13Form() {
        Certificate c = (Certificate) parse("certificate", TLS13).message();
        assertThat(c.requestContext().length()).isZero();
        assertThat(c.certificateList()).hasSize(1);
        assertThat(c.certificateList().getFirst().certData().length()).isEqualTo(0x1b0);
        assertThat(c.certificateList().getFirst().certData().u16(0)).isEqualTo(0x3082);
        assertThat(c.certificateList().getFirst().extensions()).isEmpty();
    }

    @Test
    void certificateVerify() {
        CertificateVerify cv = (CertificateVerify) parse("certificate_verify", TLS13).message();
        assertThat(cv.algorithm()).isEqualTo(0x0804); // rsa_pss_rsae_sha256
        assertThat(cv.signature().length()).isEqualTo(128);
    }

    @Test
    void finishedOfBothSides() {
        assertThat(((Finished) parse("server_finished", TLS13).message()).verifyData().hex())
                .isEqualTo("9b9b141d906337fbd2cbdce71df4deda4ab42c309572cb7fffee5454b78f0718");
        assertThat(((Finished) parse("client_finished", TLS13).message()).verifyData().length()).isEqualTo(32);
    }

    @Test
    void newSessionTicketInTheTls13Form() {
        NewSessionTicket t = (NewSessionTicket) parse("new_session_ticket", TLS13).message();
        assertThat(t.lifetime()).isEqualTo(30);
        assertThat(t.ticketAgeAdd()).isEqualTo(0xfad6aac5L);
        assertThat(t.ticketNonce().hex()).isEqualTo("0000");
        assertThat(t.ticket().length()).isEqualTo(0xb2);
        assertThat(t.extensions()).extracting(e -> e.type()).containsExactly(42); // early_data
        assertThat(t.extensions().getFirst().data().u32(0)).isEqualTo(0x400);
    }

    @Test
    void resumedClientHelloOffersAPreSharedKeyLast() {
        Slice bytes = HexBlocks.load("/rfc8448/section4-resumed-client-hello.hex").get("client_hello");
        ParsedMessage m = HandshakeParser.parse(new RawMessage(1, bytes, 5, 1), DissectionContext.INITIAL);
        assertThat(m.error()).isNull();
        ClientHello ch = (ClientHello) m.message();
        assertThat(ch.extensions().getLast().type()).isEqualTo(41); // pre_shared_key
        assertThat(ch.extensions()).extracting(e -> e.type()).contains(42, 21); // early_data, padding
    }

    @Test
    void aTruncatedMessageIsMalformedAtTheOffsetWhereItBroke() {
        Slice full = SIMPLE.get("server_hello");
        // Keep the header but claim only 36 body bytes: the cipher suite at offset 39 no longer fits.
        byte[] b = full.slice(0, 40).toArray();
        b[3] = 36;
        ParsedMessage m = HandshakeParser.parse(new RawMessage(2, Slice.of(b), 5, 1), DissectionContext.INITIAL);
        assertThat(m.malformed()).isTrue();
        assertThat(m.error().alert()).isEqualTo("decode_error");
        assertThat(m.error().offset()).isEqualTo(39);
        assertThat(m.message()).isInstanceOf(UnknownMessage.class);
        assertThat(m.fields()).extracting(Field::name).contains("legacy_version", "random");
    }
}
