package org.tlsscope.analysis.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.ext.EcPointFormats;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.ext.Opaque;
import org.tlsscope.tls.ext.SignatureAlgorithms;
import org.tlsscope.tls.ext.SupportedGroups;
import org.tlsscope.tls.ext.SupportedVersions;
import org.tlsscope.tls.handshake.ClientHello;
import org.tlsscope.tls.handshake.ServerHello;

/**
 * The published examples of the JA3 README (salesforce/ja3) and of JA4.md (FoxIO-LLC/ja4), on hellos built
 * with GREASE values mixed in, which the fingerprints must ignore.
 */
class SpecExamplesTest {

    /** salesforce/ja3 README: "769,47-53-5-10-49161-49162-49171-49172-50-56-19-4,0-10-11,23-24-25,0". */
    @Test
    void ja3ReadmeExample() {
        ClientHello hello = clientHello(769,
                List.of(0x0a0a, 47, 53, 5, 10, 49161, 49162, 49171, 49172, 50, 56, 19, 4),
                List.of(extension(0x1a1a), extension(0), groups(0x2a2a, 23, 24, 25),
                        extension(11, new EcPointFormats(List.of(0)))));
        Ja3 ja3 = Ja3.of(hello);
        assertThat(ja3.full()).isEqualTo("769,47-53-5-10-49161-49162-49171-49172-50-56-19-4,0-10-11,23-24-25,0");
        assertThat(ja3.hash()).isEqualTo("ada70206e40642a3e4461f35503241d5");
    }

    /** A hello without extensions keeps its empty fields (salesforce/ja3 README: "769,4-5-10-9-100-98-3-6-19-18-99,,,"). */
    @Test
    void ja3WithoutExtensions() {
        ClientHello hello = clientHello(769, List.of(4, 5, 10, 9, 100, 98, 3, 6, 19, 18, 99), List.of());
        assertThat(Ja3.of(hello).full()).isEqualTo("769,4-5-10-9-100-98-3-6-19-18-99,,,");
    }

    /** tshark 4.0 printed 771,49199,65281-11 for a ServerHello carrying extension 0x4a4a between those two. */
    @Test
    void ja3sDropsGreaseLikeWireshark() {
        ServerHello hello = new ServerHello(0x0303, Slice.of(new byte[32]), Slice.EMPTY, 0xc02f, 0,
                List.of(extension(0xff01), extension(0x4a4a), extension(11)), false);
        assertThat(Ja3s.of(hello).full()).isEqualTo("771,49199,65281-11");
    }

    /**
     * Chrome's hello of FoxIO's tls-sni.pcapng, stream 0, rebuilt from the JA4_ro the reference Python code
     * printed for it (python/test/testdata/tls-sni.pcapng.json at commit 22709e16401e): JA4 and JA4_r as
     * JA4.md's example (part c: e5627efa2ab1), and JA4_o as that file gives it.
     */
    @Test
    void ja4OfChrome() {
        List<Integer> ciphers = List.of(0x3a3a, 0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8,
                0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035);
        List<Integer> sigalgs = List.of(0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601);
        List<Extension> extensions = new ArrayList<>();
        extensions.add(extension(0x8a8a));
        for (int type : List.of(0xff01, 0x0033, 0x002d, 0x0005, 0x4469, 0x000d, 0x0010, 0x0023, 0x001b, 0x002b,
                0x0000, 0x0012, 0x000a, 0x0017, 0x000b)) {
            extensions.add(switch (type) {
                case 0x000d -> extension(type, new SignatureAlgorithms(sigalgs));
                case 0x002b -> extension(type, new SupportedVersions.Versions(List.of(0x5a5a, 0x0304, 0x0303)));
                case 0x0010 -> new Extension(type, 0, 0, Slice.ofHex("000c02683208687474702f312e31"), opaque());
                default -> extension(type);
            });
        }
        extensions.add(extension(0xdada));
        extensions.add(extension(0x0015));
        Ja4 ja4 = Ja4.of(clientHello(0x0303, ciphers, extensions));

        assertThat(ja4.fingerprint()).isEqualTo("t13d1516h2_8daaf6152771_e5627efa2ab1");
        assertThat(ja4.raw()).isEqualTo("t13d1516h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,"
                + "cca8,cca9_0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01_"
                + "0403,0804,0401,0503,0805,0501,0806,0601");
        assertThat(ja4.original()).isEqualTo("t13d1516h2_acb858a92679_8fc3c02244b2");
        assertThat(ja4.originalRaw()).isEqualTo("t13d1516h2_1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,"
                + "009c,009d,002f,0035_ff01,0033,002d,0005,4469,000d,0010,0023,001b,002b,0000,0012,000a,0017,000b,0015_"
                + "0403,0804,0401,0503,0805,0501,0806,0601");
    }

    /** JA4.md's worked example of part c, hashed as printed there. */
    @Test
    void ja4PartCWorkedExample() {
        assertThat(Digests.sha256Prefix("0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01_"
                + "0403,0804,0401,0503,0805,0501,0806,0601")).isEqualTo("e5627efa2ab1");
    }

    /**
     * Without extensions, part c is 000000000000 (not the SHA-256 of "", e3b0c44298fc, which Wireshark 4.4.0
     * printed: FoxIO-LLC/ja4#164); without signature algorithms the extension list is hashed alone; no
     * supported_versions means legacy_version; no server_name gives "i", no ALPN "00".
     */
    @Test
    void ja4EmptyParts() {
        Ja4 bare = Ja4.of(clientHello(0x0301, List.of(0x0a0a, 0x002f), List.of()));
        assertThat(bare.fingerprint()).isEqualTo("t10i010000_" + Digests.sha256Prefix("002f") + "_000000000000");
        Ja4 noSignatures = Ja4.of(clientHello(0x0303, List.of(0x002f), List.of(extension(0xff01), extension(0x0017))));
        assertThat(noSignatures.raw()).isEqualTo("t12i010200_002f_0017,ff01");
        assertThat(noSignatures.fingerprint()).endsWith("_" + Digests.sha256Prefix("0017,ff01"));
    }

    /** JA4.md, ALPN: first and last characters, or of the hex when either byte is not alphanumeric. */
    @ParameterizedTest
    @CsvSource({"6832, h2", "687474702f312e31, h1", "68, hh", "ab, ab", "20, 20", "abcd, ad", "30ab, 3b",
            "30abcd31, 01", "'', 00"})
    void ja4AlpnCharacters(String hex, String expected) {
        assertThat(Ja4.alpnCode(Slice.ofHex(hex))).isEqualTo(expected);
    }

    @Test
    void countsStopAt99() {
        List<Integer> many = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            many.add(i);
        }
        assertThat(Ja4.of(clientHello(0x0303, many, List.of())).fingerprint()).startsWith("t12i990000_");
    }

    private static ClientHello clientHello(int version, List<Integer> ciphers, List<Extension> extensions) {
        return new ClientHello(version, Slice.of(new byte[32]), Slice.EMPTY, ciphers, List.of(0), extensions);
    }

    private static Extension groups(Integer... groups) {
        return extension(10, new SupportedGroups(List.of(groups)));
    }

    private static Extension extension(int type) {
        return extension(type, opaque());
    }

    private static Extension extension(int type, org.tlsscope.tls.ext.ExtensionBody body) {
        return new Extension(type, 0, 4, Slice.EMPTY, body);
    }

    private static Opaque opaque() {
        return new Opaque(Slice.EMPTY, Optional.empty());
    }
}
