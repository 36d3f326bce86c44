package org.tlsscope.ja4plus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tlsscope.bytes.Slice;

/** JA4X on certificates built here field by field (RFC 5280 section 4.1), and the DER walker's bounds. */
class Ja4xTest {
    private static final String CN = "550403";
    private static final String C = "550406";
    private static final String ST = "550408";
    private static final String O = "55040a";

    /**
     * JA4X.md's examples: issuer and subject attributes 550403,550406,550408,55040a hash to 96a6439c8f5c;
     * extensions 551d0f,551d25,551d11 to aae71e8db6d7. Two attributes in one RDN (a multi-valued SET) count
     * in their order too.
     */
    @Test
    void specificationExamples() {
        Ja4x x = Ja4x.of(Slice.of(certificate(name(CN, C, ST, O), name(CN, C, ST, O), "551d0f", "551d25", "551d11")));
        assertThat(x.fingerprint()).isEqualTo("96a6439c8f5c_96a6439c8f5c_aae71e8db6d7");
        assertThat(x.raw()).isEqualTo("550403,550406,550408,55040a_550403,550406,550408,55040a_551d0f,551d25,551d11");

        byte[] multiValued = certificate(tlv(0x30, tlv(0x31, atv(CN) + atv(C)) + tlv(0x31, atv(ST) + atv(O))), name(CN));
        assertThat(Ja4x.of(Slice.of(multiValued)).fingerprint()).startsWith("96a6439c8f5c_");
    }

    /** A v1 certificate (no version field, no extensions) with an empty subject: 000000000000 parts. */
    @Test
    void emptyListsAreZeros() {
        byte[] der = hex(tlv(0x30, tlv(0x30, tlv(0x02, "01") + tlv(0x30, tlv(0x06, "2a864886f70d01010b"))
                + name(CN) + tlv(0x30, "") + tlv(0x30, "") + tlv(0x30, "")) + tlv(0x30, "") + tlv(0x03, "00")));
        assertThat(Ja4x.of(Slice.of(der)).fingerprint()).endsWith("_000000000000_000000000000");
    }

    /** Every truncation, an indefinite length, a length past the end, a wrong tag: null, never an exception. */
    @Test
    void malformedCertificatesGiveNull() {
        byte[] der = certificate(name(CN, O), name(CN), "551d0f");
        for (int length = 0; length < der.length; length++) {
            Slice cut = Slice.of(der, 0, length);
            assertThatCode(() -> assertThat(Ja4x.of(cut)).isNull()).as("cut at " + length).doesNotThrowAnyException();
        }
        assertThat(Ja4x.of(Slice.ofHex("3080" + "0000"))).isNull();
        assertThat(Ja4x.of(Slice.ofHex("3084ffffffff00"))).isNull();
        assertThat(Ja4x.of(Slice.ofHex("310330010000"))).isNull();
        assertThat(Ja4x.of(Slice.ofHex("1f8101"))).isNull();
    }

    /** tbsCertificate with version 3, serial, signature, issuer, validity, subject, key and [3] extensions. */
    private static byte[] certificate(String issuer, String subject, String... extensionOids) {
        StringBuilder extensions = new StringBuilder();
        for (String oid : extensionOids) {
            extensions.append(tlv(0x30, tlv(0x06, oid) + tlv(0x04, "0500")));
        }
        String tbs = tlv(0xa0, tlv(0x02, "02")) + tlv(0x02, "1234") + tlv(0x30, tlv(0x06, "2a864886f70d01010b"))
                + issuer + tlv(0x30, tlv(0x17, "3230303130313030303030305a") + tlv(0x17, "3330303130313030303030305a"))
                + subject + tlv(0x30, tlv(0x30, tlv(0x06, "2a8648ce3d0201")) + tlv(0x03, "0004"))
                + (extensionOids.length == 0 ? "" : tlv(0xa3, tlv(0x30, extensions.toString())));
        return hex(tlv(0x30, tlv(0x30, tbs) + tlv(0x30, tlv(0x06, "2a864886f70d01010b")) + tlv(0x03, "00")));
    }

    /** A Name with one attribute per RDN, each valued "x". */
    private static String name(String... oids) {
        StringBuilder rdns = new StringBuilder();
        for (String oid : oids) {
            rdns.append(tlv(0x31, atv(oid)));
        }
        return tlv(0x30, rdns.toString());
    }

    private static String atv(String oid) {
        return tlv(0x30, tlv(0x06, oid) + tlv(0x0c, "78"));
    }

    /** A DER TLV in hex, with the long length form past 127 bytes. */
    private static String tlv(int tag, String contentHex) {
        int length = contentHex.length() / 2;
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(tag);
        if (length < 0x80) {
            header.write(length);
        } else {
            header.write(0x82);
            header.write(length >> 8);
            header.write(length & 0xff);
        }
        return HexFormat.of().formatHex(header.toByteArray()) + contentHex;
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
