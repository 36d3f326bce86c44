package org.tlsscope.tls.ext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsscope.bytes.Field;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;

/** The form of an extension follows the message it is in (RFC 8446 section 4.2); blocks built per the RFCs. */
class ExtensionFormsTest {
    private static final int CLIENT_HELLO = 1;
    private static final int SERVER_HELLO = 2;
    private static final int NEW_SESSION_TICKET = 4;
    private static final int ENCRYPTED_EXTENSIONS = 8;
    private static final int CERTIFICATE = 11;
    private static final int CERTIFICATE_REQUEST = 13;

    static ExtensionBody only(int type, String data, int handshakeType, boolean hrr) {
        FieldReader r = new FieldReader(Slice.of(Wire.block(Wire.extension(type, data))), 0);
        List<Extension> exts = ExtensionsReader.read(r, handshakeType, hrr);
        assertThat(exts).hasSize(1);
        assertThat(exts.getFirst().malformed()).isEmpty();
        return exts.getFirst().body();
    }

    static ExtensionBody only(int type, String data, int handshakeType) {
        return only(type, data, handshakeType, false);
    }

    static String hexOf(Slice s) {
        return s.hex();
    }

    @Test
    void statusRequestForms() {
        // RFC 6066 section 8: ocsp, one ResponderID (3 bytes), request_extensions (2 bytes).
        assertThat(only(5, "01 0005 0003 aabbcc 0002 3000", CLIENT_HELLO))
                .isInstanceOfSatisfying(StatusRequest.OcspStatusRequest.class, s -> {
                    assertThat(s.responderIdList()).extracting(ExtensionFormsTest::hexOf).containsExactly("aabbcc");
                    assertThat(s.requestExtensions().hex()).isEqualTo("3000");
                });
        assertThat(only(5, "01 0000 0000", CERTIFICATE_REQUEST)).isInstanceOf(StatusRequest.OcspStatusRequest.class);
        assertThat(only(5, "07 abcd", CLIENT_HELLO)).isInstanceOfSatisfying(StatusRequest.OtherStatusRequest.class,
                s -> assertThat(s.statusType()).isEqualTo(7));
        assertThat(only(5, "", SERVER_HELLO)).isEqualTo(new StatusRequest.Acknowledgement());
        // RFC 8446 section 4.4.2.1: the OCSP response rides in the end-entity Certificate entry.
        assertThat(only(5, "01 000003 308201", CERTIFICATE))
                .isInstanceOfSatisfying(StatusRequest.CertificateStatus.class, s -> {
                    assertThat(s.statusType()).isEqualTo(1);
                    assertThat(s.response().hex()).isEqualTo("308201");
                });
    }

    @Test
    void signedCertificateTimestampIsEmptyWhenAskedAndAListWhenAnswered() {
        assertThat(only(18, "", CLIENT_HELLO)).isEqualTo(new SignedCertificateTimestamp(List.of()));
        assertThat(only(18, "", CERTIFICATE_REQUEST)).isEqualTo(new SignedCertificateTimestamp(List.of()));
        for (int context : new int[] {SERVER_HELLO, CERTIFICATE}) {
            assertThat(only(18, "0007 0002 abcd 0001 ef", context))
                    .isInstanceOfSatisfying(SignedCertificateTimestamp.class, s -> assertThat(s.sctList())
                            .extracting(ExtensionFormsTest::hexOf).containsExactly("abcd", "ef"));
        }
    }

    @Test
    void earlyData() {
        assertThat(only(42, "", CLIENT_HELLO)).isEqualTo(new EarlyData.Indication());
        assertThat(only(42, "", ENCRYPTED_EXTENSIONS)).isEqualTo(new EarlyData.Indication());
        assertThat(only(42, "ffffffff", NEW_SESSION_TICKET)).isEqualTo(new EarlyData.MaxEarlyDataSize(0xffffffffL));
    }

    @Test
    void serverFormsOfPreSharedKeyAndVersions() {
        assertThat(only(41, "0002", SERVER_HELLO)).isEqualTo(new PreSharedKey.SelectedIdentity(2));
        assertThat(only(43, "7f1c", SERVER_HELLO, true)).isEqualTo(new SupportedVersions.SelectedVersion(0x7f1c));
    }

    @Test
    void anExtensionInAMessageThatDefinesNoFormForItStaysOpaque() {
        assertThat(only(51, "001d", ENCRYPTED_EXTENSIONS)).isInstanceOfSatisfying(Opaque.class,
                o -> assertThat(o.extensionData().hex()).isEqualTo("001d"));
        assertThat(only(43, "0304", ENCRYPTED_EXTENSIONS)).isInstanceOf(Opaque.class);
        assertThat(only(0xfe0d, "00", SERVER_HELLO)).isInstanceOf(Opaque.class);
    }

    @Test
    void encryptedClientHelloForms() {
        assertThat(only(0xfe0d, "01", CLIENT_HELLO)).isEqualTo(new EncryptedClientHello.Inner());
        assertThat(only(0xfe0d, "0006 fe0d00020000", ENCRYPTED_EXTENSIONS))
                .isInstanceOfSatisfying(EncryptedClientHello.RetryConfigs.class,
                        c -> assertThat(c.retryConfigs().hex()).isEqualTo("fe0d00020000"));
        assertThat(only(0xfe0d, "0102030405060708", SERVER_HELLO, true))
                .isInstanceOfSatisfying(EncryptedClientHello.Confirmation.class,
                        c -> assertThat(c.confirmation().hex()).isEqualTo("0102030405060708"));
    }

    @Test
    void smallFixedForms() {
        assertThat(only(15, "01", CLIENT_HELLO)).isEqualTo(new Heartbeat(1));
        assertThat(only(22, "", SERVER_HELLO)).isEqualTo(new EncryptThenMac());
        assertThat(only(23, "", SERVER_HELLO)).isEqualTo(new ExtendedMasterSecret());
        assertThat(only(49, "", CLIENT_HELLO)).isEqualTo(new PostHandshakeAuth());
        assertThat(only(50, "0004 0403 0804", CERTIFICATE_REQUEST)).isEqualTo(new SignatureAlgorithms(List.of(0x0403, 0x0804)));
        assertThat(only(21, "000100", CLIENT_HELLO)).isEqualTo(new Padding(3, false));
    }

    @Test
    void serverNameOfAnUnknownTypeIsKeptButIsNoHostName() {
        FieldReader r = new FieldReader(Slice.of(Wire.block(Wire.extension(0, "0005 07 0002 6869"))), 0);
        List<Extension> exts = ExtensionsReader.read(r, CLIENT_HELLO, false);

        assertThat(exts.getFirst().body()).isInstanceOfSatisfying(ServerNameList.class, l -> assertThat(l.serverNameList())
                .singleElement().satisfies(n -> {
                    assertThat(n.nameType()).isEqualTo(7);
                    assertThat(n.name().hex()).isEqualTo("6869");
                }));
        assertThat(Extensions.serverName(exts)).isEmpty();
    }

    @Test
    void unknownTypeIsOpaqueAndNamedByTheRegistry() {
        FieldReader r = new FieldReader(Slice.of(Wire.block(Wire.extension(0x1234, "c0ffee"))), 0);
        List<Extension> exts = ExtensionsReader.read(r, CLIENT_HELLO, false);

        assertThat(exts.getFirst().name()).isEqualTo("unknown (0x1234)");
        Field ext = r.fields().get(1).children().getFirst();
        assertThat(ext.text()).isEqualTo("unknown (0x1234)");
        assertThat(ext.children()).extracting(Field::name).containsExactly("type", "length", "extension_data");
        assertThat(ext.child("extension_data").offset()).isEqualTo(6);
        assertThat(ext.child("extension_data").length()).isEqualTo(3);
    }

    @Test
    void emptyBlockOfACertificateEntry() {
        FieldReader r = new FieldReader(Slice.ofHex("0000"), 0);

        assertThat(ExtensionsReader.read(r, CERTIFICATE, false)).isEmpty();
        assertThat(r.fields()).extracting(Field::name).containsExactly("extensions_length", "extensions");
        assertThat(r.fields().get(1).text()).isEqualTo("0 extensions");
    }

    @Test
    void duplicatesAreReportedAtTheirOffsets() {
        byte[] block = Wire.block(
                Wire.extension(10, "0002 001d"),
                Wire.extension(23, ""),
                Wire.extension(10, "0002 0017"),
                Wire.extension(23, ""));
        List<Extension> exts = ExtensionsReader.read(new FieldReader(Slice.of(block), 0), CLIENT_HELLO, false);

        assertThat(Extensions.duplicates(exts)).extracting(Extension::type, Extension::offset)
                .containsExactly(tuple(10, 14), tuple(23, 22));
        assertThat(Extensions.find(exts, SupportedGroups.class).orElseThrow().namedGroupList()).containsExactly(0x1d);
    }

    @Test
    void aCraftedBlockOfManyExtensionsHasItsRepeatsFoundTheSameWay() {
        // Past 64 extensions the search goes through a set instead of comparing pairs: same answer, same order.
        byte[][] many = new byte[300][];
        for (int i = 0; i < many.length; i++) {
            many[i] = Wire.extension(0x1000 + i % 50, "");
        }
        List<Extension> exts = ExtensionsReader.read(new FieldReader(Slice.of(Wire.block(many)), 0), CLIENT_HELLO, false);

        List<Extension> repeated = Extensions.duplicates(exts);
        assertThat(repeated).hasSize(250);
        assertThat(repeated).extracting(Extension::offset).isSorted().startsWith(2 + 50 * 4);
        assertThat(repeated.subList(0, 14)).isEqualTo(Extensions.duplicates(exts.subList(0, 64)));
        assertThat(Extensions.duplicates(exts.subList(0, 50))).isEmpty();
    }
}
