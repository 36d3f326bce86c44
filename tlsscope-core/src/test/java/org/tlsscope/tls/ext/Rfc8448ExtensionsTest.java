package org.tlsscope.tls.ext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsscope.bytes.Field;
import org.tlsscope.bytes.FieldReader;

/**
 * The extension blocks of the handshake messages in RFC 8448 (Example Handshake Traces for TLS 1.3),
 * each message as the RFC prints it; offsets are from the first byte of the handshake message.
 */
class Rfc8448ExtensionsTest {
    /** Section 3, "Simple 1-RTT Handshake": client_hello (196 octets). */
    static final String CLIENT_HELLO = """
            01 00 00 c0 03 03 cb 34 ec b1 e7 81 63 ba 1c 38 c6 da cb 19 6a 6d ff a2 1a 8d 99 12 ec 18 a2 ef 62 83
            02 4d ec e7 00 00 06 13 01 13 03 13 02 01 00 00 91 00 00 00 0b 00 09 00 00 06 73 65 72 76 65 72 ff 01
            00 01 00 00 0a 00 14 00 12 00 1d 00 17 00 18 00 19 01 00 01 01 01 02 01 03 01 04 00 23 00 00 00 33 00
            26 00 24 00 1d 00 20 99 38 1d e5 60 e4 bd 43 d2 3d 8e 43 5a 7d ba fe b3 c0 6e 51 c1 3c ae 4d 54 13 69
            1e 52 9a af 2c 00 2b 00 03 02 03 04 00 0d 00 20 00 1e 04 03 05 03 06 03 02 03 08 04 08 05 08 06 04 01
            05 01 06 01 02 01 04 02 05 02 06 02 02 02 00 2d 00 02 01 01 00 1c 00 02 40 01""";

    /** Section 3: server_hello (90 octets). */
    static final String SERVER_HELLO = """
            02 00 00 56 03 03 a6 af 06 a4 12 18 60 dc 5e 6e 60 24 9c d3 4c 95 93 0c 8a c5 cb 14 34 da c1 55 77 2e
            d3 e2 69 28 00 13 01 00 00 2e 00 33 00 24 00 1d 00 20 c9 82 88 76 11 20 95 fe 66 76 2b db f7 c6 72 e1
            56 d6 cc 25 3b 83 3d f1 dd 69 b1 b0 4e 75 1f 0f 00 2b 00 02 03 04""";

    /** Section 3: encrypted_extensions (40 octets). */
    static final String ENCRYPTED_EXTENSIONS = """
            08 00 00 24 00 22 00 0a 00 14 00 12 00 1d 00 17 00 18 00 19 01 00 01 01 01 02 01 03 01 04 00 1c 00 02
            40 01 00 00 00 00""";

    /** Section 3: new_session_ticket (205 octets). */
    static final String NEW_SESSION_TICKET = """
            04 00 00 c9 00 00 00 1e fa d6 aa c5 02 00 00 00 b2 2c 03 5d 82 93 59 ee 5f f7 af 4e c9 00 00 00 00 26
            2a 64 94 dc 48 6d 2c 8a 34 cb 33 fa 90 bf 1b 00 70 ad 3c 49 88 83 c9 36 7c 09 a2 be 78 5a bc 55 cd 22
            60 97 a3 a9 82 11 72 83 f8 2a 03 a1 43 ef d3 ff 5d d3 6d 64 e8 61 be 7f d6 1d 28 27 db 27 9c ce 14 50
            77 d4 54 a3 66 4d 4e 6d a4 d2 9e e0 37 25 a6 a4 da fc d0 fc 67 d2 ae a7 05 29 51 3e 3d a2 67 7f a5 90
            6c 5b 3f 7d 8f 92 f2 28 bd a4 0d da 72 14 70 f9 fb f2 97 b5 ae a6 17 64 6f ac 5c 03 27 2e 97 07 27 c6
            21 a7 91 41 ef 5f 7d e6 50 5e 5b fb c3 88 e9 33 43 69 40 93 93 4a e4 d3 57 00 08 00 2a 00 04 00 00 04
            00""";

    /** Section 4, "Resumed 0-RTT Handshake": client_hello with early_data, padding and a PSK (512 octets). */
    static final String RESUMED_CLIENT_HELLO = """
            01 00 01 fc 03 03 1b c3 ce b6 bb e3 9c ff 93 83 55 b5 a5 0a db 6d b2 1b 7a 6a f6 49 d7 b4 bc 41 9d 78
            76 48 7d 95 00 00 06 13 01 13 03 13 02 01 00 01 cd 00 00 00 0b 00 09 00 00 06 73 65 72 76 65 72 ff 01
            00 01 00 00 0a 00 14 00 12 00 1d 00 17 00 18 00 19 01 00 01 01 01 02 01 03 01 04 00 33 00 26 00 24 00
            1d 00 20 e4 ff b6 8a c0 5f 8d 96 c9 9d a2 66 98 34 6c 6b e1 64 82 ba dd da fe 05 1a 66 b4 f1 8d 66 8f
            0b 00 2a 00 00 00 2b 00 03 02 03 04 00 0d 00 20 00 1e 04 03 05 03 06 03 02 03 08 04 08 05 08 06 04 01
            05 01 06 01 02 01 04 02 05 02 06 02 02 02 00 2d 00 02 01 01 00 1c 00 02 40 01 00 15 00 57 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 29 00 dd 00 b8 00 b2 2c 03 5d 82 93 59 ee 5f f7 af 4e
            c9 00 00 00 00 26 2a 64 94 dc 48 6d 2c 8a 34 cb 33 fa 90 bf 1b 00 70 ad 3c 49 88 83 c9 36 7c 09 a2 be
            78 5a bc 55 cd 22 60 97 a3 a9 82 11 72 83 f8 2a 03 a1 43 ef d3 ff 5d d3 6d 64 e8 61 be 7f d6 1d 28 27
            db 27 9c ce 14 50 77 d4 54 a3 66 4d 4e 6d a4 d2 9e e0 37 25 a6 a4 da fc d0 fc 67 d2 ae a7 05 29 51 3e
            3d a2 67 7f a5 90 6c 5b 3f 7d 8f 92 f2 28 bd a4 0d da 72 14 70 f9 fb f2 97 b5 ae a6 17 64 6f ac 5c 03
            27 2e 97 07 27 c6 21 a7 91 41 ef 5f 7d e6 50 5e 5b fb c3 88 e9 33 43 69 40 93 93 4a e4 d3 57 fa d6 aa
            cb 00 21 20 3a dd 4f b2 d8 fd f8 22 a0 ca 3c f7 67 8e f5 e8 8d ae 99 01 41 c5 92 4d 57 bb 6f a3 1b 9e
            5f 9d""";

    /** Section 5, "HelloRetryRequest": the hello_retry_request (176 octets). */
    static final String HELLO_RETRY_REQUEST = """
            02 00 00 ac 03 03 cf 21 ad 74 e5 9a 61 11 be 1d 8c 02 1e 65 b8 91 c2 a2 11 16 7a bb 8c 5e 07 9e
            09 e2 c8 a8 33 9c 00 13 01 00 00 84 00 33 00 02 00 17 00 2c 00 74 00 72 71 dc d0 4b b8 8b c3 18
            91 19 39 8a 00 00 00 00 ee fa fc 76 c1 46 b8 23 b0 96 f8 aa ca d3 65 dd 00 30 95 3f 4e df 62 56
            36 e5 f2 1b b2 e2 3f cc 65 4b 1b 5b 40 31 8d 10 d1 37 ab cb b8 75 74 e3 6e 8a 1f 02 5f 7d fa 5d
            6e 50 78 1b 5e da 4a a1 5b 0c 8b e7 78 25 7d 16 aa 30 30 e9 e7 84 1d d9 e4 c0 34 22 67 e8 ca 0c
            af 57 1f b2 b7 cf f0 f9 34 b0 00 2b 00 02 03 04""";

    static List<Integer> types(List<Extension> extensions) {
        return extensions.stream().map(Extension::type).toList();
    }

    @Test
    void clientHello() {
        FieldReader r = Messages.atClientHelloExtensions(CLIENT_HELLO);
        List<Extension> exts = ExtensionsReader.read(r, 1, false);

        assertThat(r.hasRemaining()).isFalse();
        assertThat(types(exts)).containsExactly(0, 0xff01, 10, 35, 51, 43, 13, 45, 28);
        assertThat(exts).extracting(Extension::offset).containsExactly(51, 66, 71, 95, 99, 141, 148, 184, 190);
        assertThat(exts).extracting(Extension::length).containsExactly(15, 5, 24, 4, 42, 7, 36, 6, 6);
        assertThat(Extensions.malformed(exts)).isEmpty();
        assertThat(Extensions.duplicates(exts)).isEmpty();

        assertThat(Extensions.serverName(exts)).hasValue("server");
        assertThat(exts.get(1).body()).isInstanceOfSatisfying(RenegotiationInfo.class,
                ri -> assertThat(ri.renegotiatedConnection().isEmpty()).isTrue());
        assertThat(Extensions.find(exts, SupportedGroups.class).orElseThrow().namedGroupList())
                .containsExactly(0x001d, 0x0017, 0x0018, 0x0019, 0x0100, 0x0101, 0x0102, 0x0103, 0x0104);
        assertThat(Extensions.find(exts, SessionTicket.class).orElseThrow().ticket().length()).isZero();
        KeyShare.ClientShares shares = Extensions.find(exts, KeyShare.ClientShares.class).orElseThrow();
        assertThat(shares.clientShares()).singleElement().satisfies(e -> {
            assertThat(e.group()).isEqualTo(0x001d);
            assertThat(e.keyExchange().hex())
                    .isEqualTo("99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c");
        });
        assertThat(Extensions.find(exts, SupportedVersions.Versions.class).orElseThrow().versions())
                .containsExactly(0x0304);
        assertThat(Extensions.find(exts, SignatureAlgorithms.class).orElseThrow().supportedSignatureAlgorithms())
                .hasSize(15).startsWith(0x0403, 0x0503, 0x0603, 0x0203, 0x0804).endsWith(0x0202);
        assertThat(Extensions.find(exts, PskKeyExchangeModes.class).orElseThrow().keModes()).containsExactly(1);
        assertThat(Extensions.find(exts, RecordSizeLimit.class).orElseThrow().recordSizeLimit()).isEqualTo(0x4001);
    }

    @Test
    void clientHelloFieldsPointAtTheirBytes() {
        FieldReader r = Messages.atClientHelloExtensions(CLIENT_HELLO);
        ExtensionsReader.read(r, 1, false);

        List<Field> fields = r.fields();
        assertThat(fields).extracting(Field::name).containsExactly("extensions_length", "extensions");
        assertThat(fields.get(0).value()).isEqualTo(145);
        Field block = fields.get(1);
        assertThat(block.offset()).isEqualTo(51);
        assertThat(block.length()).isEqualTo(145);
        assertThat(block.children()).hasSize(9).allSatisfy(f -> assertThat(f.name()).isEqualTo("extension"));

        Field sni = block.children().get(0);
        assertThat(sni.text()).isEqualTo("server_name");
        assertThat(sni.offset()).isEqualTo(51);
        assertThat(sni.length()).isEqualTo(15);
        assertThat(sni.children()).extracting(Field::name)
                .containsExactly("type", "length", "server_name_list_length", "server_name_list");
        assertThat(sni.child("type").value()).isEqualTo(0);
        assertThat(sni.child("length").value()).isEqualTo(11);
        Field hostName = sni.child("server_name_list").child("host_name");
        assertThat(hostName.offset()).isEqualTo(60);
        assertThat(hostName.length()).isEqualTo(6);
        assertThat(hostName.text()).isEqualTo("server");

        Field keyShare = block.children().get(4);
        Field keyExchange = keyShare.child("client_shares").child("key_exchange");
        assertThat(keyExchange.offset()).isEqualTo(109);
        assertThat(keyExchange.length()).isEqualTo(32);
    }

    @Test
    void serverHello() {
        List<Extension> exts = ExtensionsReader.read(Messages.atServerHelloExtensions(SERVER_HELLO), 2, false);

        assertThat(types(exts)).containsExactly(51, 43);
        assertThat(exts.get(0).offset()).isEqualTo(44);
        KeyShare.ServerShare share = Extensions.find(exts, KeyShare.ServerShare.class).orElseThrow();
        assertThat(share.serverShare().group()).isEqualTo(0x001d);
        assertThat(share.serverShare().keyExchange().hex()).startsWith("c9828876").endsWith("751f0f");
        assertThat(Extensions.selectedVersion(exts)).hasValue(0x0304);
    }

    @Test
    void helloRetryRequest() {
        List<Extension> exts = ExtensionsReader.read(Messages.atServerHelloExtensions(HELLO_RETRY_REQUEST), 2, true);

        assertThat(types(exts)).containsExactly(51, 44, 43);
        assertThat(exts.get(0).body()).isEqualTo(new KeyShare.SelectedGroup(0x0017));
        Cookie cookie = Extensions.find(exts, Cookie.class).orElseThrow();
        assertThat(cookie.cookie().length()).isEqualTo(0x72);
        assertThat(cookie.cookie().hex()).startsWith("71dcd04bb88bc318").endsWith("f934b0");
        assertThat(Extensions.selectedVersion(exts)).hasValue(0x0304);
    }

    @Test
    void encryptedExtensions() {
        List<Extension> exts = ExtensionsReader.read(Messages.atEncryptedExtensions(ENCRYPTED_EXTENSIONS), 8, false);

        assertThat(types(exts)).containsExactly(10, 28, 0);
        assertThat(exts).extracting(Extension::offset).containsExactly(6, 30, 36);
        assertThat(exts.get(0).body()).isInstanceOf(SupportedGroups.class);
        assertThat(exts.get(1).body()).isEqualTo(new RecordSizeLimit(0x4001));
        assertThat(exts.get(2).body()).isInstanceOfSatisfying(ServerNameList.class,
                sni -> assertThat(sni.acknowledgement()).isTrue());
    }

    @Test
    void newSessionTicket() {
        List<Extension> exts = ExtensionsReader.read(
                Messages.atNewSessionTicketExtensions(NEW_SESSION_TICKET), 4, false);

        assertThat(exts).singleElement().satisfies(e -> {
            assertThat(e.offset()).isEqualTo(197);
            assertThat(e.body()).isEqualTo(new EarlyData.MaxEarlyDataSize(1024));
        });
    }

    @Test
    void resumedClientHelloWithEarlyDataPaddingAndPsk() {
        List<Extension> exts = ExtensionsReader.read(Messages.atClientHelloExtensions(RESUMED_CLIENT_HELLO), 1, false);

        assertThat(types(exts)).containsExactly(0, 0xff01, 10, 51, 42, 43, 13, 45, 28, 21, 41);
        assertThat(Extensions.find(exts, EarlyData.class)).hasValue(new EarlyData.Indication());
        assertThat(Extensions.find(exts, Padding.class)).hasValue(new Padding(0x57, true));

        PreSharedKey.OfferedPsks psk = Extensions.find(exts, PreSharedKey.OfferedPsks.class).orElseThrow();
        assertThat(psk.identities()).singleElement().satisfies(id -> {
            assertThat(id.identity().length()).isEqualTo(0xb2);
            assertThat(id.identity().hex()).startsWith("2c035d829359ee5f");
            assertThat(id.obfuscatedTicketAge()).isEqualTo(0xfad6aacbL);
        });
        assertThat(psk.binders()).singleElement().satisfies(b -> assertThat(b.hex())
                .isEqualTo("3add4fb2d8fdf822a0ca3cf7678ef5e88dae990141c5924d57bb6fa31b9e5f9d"));
        Extension last = exts.getLast();
        assertThat(last.offset() + last.length()).isEqualTo(512);
    }
}
