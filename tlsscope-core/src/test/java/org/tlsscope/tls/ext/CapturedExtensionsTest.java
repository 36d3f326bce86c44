package org.tlsscope.tls.ext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;

/**
 * Extension blocks lifted from captures: the post's TLS 1.0 session, and hellos from the public corpus
 * (/work/shared/corpus/public), cut out of the TCP payload at the extensions_length field with
 * {@code tshark -T fields -e tcp.payload}. Offsets are from the start of the block.
 */
class CapturedExtensionsTest {
    /**
     * ja4/tls-non-ascii-alpn.pcapng frame 1: Chrome's ClientHello, GREASE in the extension types, the
     * groups, the versions and a key share, an ALPN name "\xba\xad", application_settings, padding.
     */
    static final String CHROME_CLIENT_HELLO = """
            01939a9a0000ff010001000033002b00290a0a000100001d0020cf55af2603e92f59eb321779706a18fa6b96b16c16404c
            2264ed687a59401878002d00020101000500050100000000446900050003026832000d0012001004030804040105030805
            0501080606010010000e000c02baad08687474702f312e3100230000001b0003020002002b0007060a0a03040303000000
            22002000001d636c69656e7473657276696365732e676f6f676c65617069732e636f6d00120000000a000a00080a0a001d
            0017001800170000000b000201006a6a000100001500ba""" + "00".repeat(0xba);

    /** ndpi/tls_ech.pcapng frame 4: a ClientHelloOuter with encrypted_client_hello (0xfe0d). */
    static final String ECH_CLIENT_HELLO_OUTER = """
            01d66a6a00000033002b00291a1a000100001d002074494288d7ffc1faa046968556f646b024a855feed27c793e8085413
            aa74113600230000ff01000100002d00020101001b0003020002000a000a00081a1a001d00170018001700000005000501
            0000000000120000002b000706dada03040303000d00120010040308040401050308050501080606010010000e000c0268
            3208687474702f312e31000000250023000020706572666f726d616e63652e72616461722e636c6f7564666c6172652e63
            6f6dfe0d00fa0000010001d800209557c100c71bf776929056d021591f6515001dc1df1125b92408d98681a5a16700d00d
            f0970d9f7cb426c059b1e0fe95fd7c22f8a5444d65321496fa85781e4c5e31465cc703e3368adc8b46a6aab2d9d2bdee30
            04e5d5c0898b0355317f3212d160e1e806aa45cc3e0a3515060718c976025afd3f04b96dbd039a99f4a7d98821a9adaa37
            2829dab7bc9965959a5a8f4ee36506cd1baba08bd2597f464403dcfeed9a3c49f2b82e53a5ca8d09ea43158b58c78786a7
            2c6cfabb9999fa31aaae2a2f54142f47befcf542c80530584e2583d678322700f69cb23bf6cca0810c3def3ca164d3dfeb
            617e7b64dbe76e6489c4da000b00020100446900050003026832fafa000100""";

    /** ja4/badcurveball.pcap frame 6: a TLS 1.2 ServerHello acknowledging server_name and session_ticket. */
    static final String TLS12_SERVER_HELLO = """
            002400000000ff01000100000b000403000102002300000010000b000908687474702f312e31""";

    static List<Extension> read(String hex, int handshakeType) {
        FieldReader r = new FieldReader(Slice.ofHex(hex), 0);
        List<Extension> exts = ExtensionsReader.read(r, handshakeType, false);
        assertThat(r.hasRemaining()).isFalse();
        return exts;
    }

    @Test
    void postClientHelloAsksForATicket() {
        List<Extension> exts = read("0004 0023 0000", 1);

        assertThat(exts).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(0x0023);
            assertThat(e.offset()).isEqualTo(2);
            assertThat(e.length()).isEqualTo(4);
            assertThat(e.body()).isInstanceOfSatisfying(SessionTicket.class, t -> assertThat(t.ticket().isEmpty()).isTrue());
        });
    }

    @Test
    void postServerHelloRenegotiationInfoAndTicketPromise() {
        List<Extension> exts = read("0009 ff01 0001 00 0023 0000", 2);

        assertThat(exts).extracting(Extension::type).containsExactly(0xff01, 0x0023);
        assertThat(exts).extracting(Extension::offset).containsExactly(2, 7);
        assertThat(exts.get(0).body()).isInstanceOfSatisfying(RenegotiationInfo.class,
                ri -> assertThat(ri.renegotiatedConnection().isEmpty()).isTrue());
        assertThat(exts.get(1).body()).isInstanceOf(SessionTicket.class);
    }

    @Test
    void chromeClientHelloWithGrease() {
        List<Extension> exts = read(CHROME_CLIENT_HELLO, 1);

        assertThat(exts).extracting(Extension::type).containsExactly(0x9a9a, 0xff01, 51, 45, 5, 0x4469, 13, 16,
                35, 27, 43, 0, 18, 10, 23, 11, 0x6a6a, 21);
        assertThat(Extensions.malformed(exts)).isEmpty();
        assertThat(exts.get(0).body()).isInstanceOfSatisfying(Grease.class,
                g -> assertThat(g.extensionData().isEmpty()).isTrue());
        assertThat(exts.get(16).body()).isInstanceOfSatisfying(Grease.class,
                g -> assertThat(g.extensionData().hex()).isEqualTo("00"));
        assertThat(exts.get(16).name()).isEqualTo("GREASE (0x6a6a)");

        KeyShare.ClientShares shares = Extensions.find(exts, KeyShare.ClientShares.class).orElseThrow();
        assertThat(shares.clientShares()).extracting(KeyShare.KeyShareEntry::group).containsExactly(0x0a0a, 0x001d);
        assertThat(shares.clientShares().get(0).keyExchange().hex()).isEqualTo("00");
        assertThat(Extensions.find(exts, StatusRequest.OcspStatusRequest.class).orElseThrow())
                .satisfies(s -> {
                    assertThat(s.responderIdList()).isEmpty();
                    assertThat(s.requestExtensions().isEmpty()).isTrue();
                });
        // application_settings (0x4469) has no decoder: kept whole.
        assertThat(exts.get(5).body()).isInstanceOfSatisfying(Opaque.class, o -> {
            assertThat(o.extensionData().hex()).isEqualTo("0003026832");
            assertThat(o.malformed()).isEmpty();
        });
        assertThat(Extensions.alpn(exts)).containsExactly("\\xba\\xad", "http/1.1");
        assertThat(Extensions.find(exts, CompressCertificate.class).orElseThrow().algorithms()).containsExactly(2);
        assertThat(Extensions.find(exts, SupportedVersions.Versions.class).orElseThrow().versions())
                .containsExactly(0x0a0a, 0x0304, 0x0303);
        assertThat(Extensions.serverName(exts)).hasValue("clientservices.googleapis.com");
        assertThat(Extensions.find(exts, SignedCertificateTimestamp.class).orElseThrow().sctList()).isEmpty();
        assertThat(Extensions.find(exts, SupportedGroups.class).orElseThrow().namedGroupList())
                .containsExactly(0x0a0a, 0x001d, 0x0017, 0x0018);
        assertThat(Extensions.find(exts, ExtendedMasterSecret.class)).isPresent();
        assertThat(Extensions.find(exts, EcPointFormats.class).orElseThrow().ecPointFormatList()).containsExactly(0);
        assertThat(Extensions.find(exts, Padding.class)).hasValue(new Padding(0xba, true));
    }

    @Test
    void echOuterClientHello() {
        List<Extension> exts = read(ECH_CLIENT_HELLO_OUTER, 1);

        Extension ech = Extensions.ofType(exts, ExtensionType.ENCRYPTED_CLIENT_HELLO).orElseThrow();
        assertThat(ech.length()).isEqualTo(4 + 0xfa);
        assertThat(ech.body()).isInstanceOfSatisfying(EncryptedClientHello.Outer.class, outer -> {
            assertThat(outer.kdfId()).isEqualTo(1);
            assertThat(outer.aeadId()).isEqualTo(1);
            assertThat(outer.configId()).isEqualTo(0xd8);
            assertThat(outer.enc().hex()).isEqualTo("9557c100c71bf776929056d021591f6515001dc1df1125b92408d98681a5a167");
            assertThat(outer.payload().length()).isEqualTo(0xd0);
            assertThat(outer.payload().hex()).startsWith("0df0970d").endsWith("89c4da");
        });
        // The outer hello still names the public server in the clear.
        assertThat(Extensions.serverName(exts)).hasValue("performance.radar.cloudflare.com");
        assertThat(exts.getLast().body()).isInstanceOf(Grease.class);
    }

    @Test
    void tls12ServerHello() {
        List<Extension> exts = read(TLS12_SERVER_HELLO, 2);

        assertThat(exts).extracting(Extension::type).containsExactly(0, 0xff01, 11, 35, 16);
        assertThat(exts.get(0).body()).isEqualTo(new ServerNameList(List.of()));
        assertThat(Extensions.find(exts, EcPointFormats.class).orElseThrow().ecPointFormatList())
                .containsExactly(0, 1, 2);
        assertThat(Extensions.alpn(exts)).containsExactly("http/1.1");
        assertThat(Extensions.serverName(exts)).isEmpty();
    }
}
