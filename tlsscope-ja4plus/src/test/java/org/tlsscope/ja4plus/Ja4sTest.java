package org.tlsscope.ja4plus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.ext.Opaque;
import org.tlsscope.tls.ext.SupportedVersions;
import org.tlsscope.tls.handshake.ServerHello;

/** JA4S on ServerHellos built here; the corpus comparison with FoxIO's outputs is FoxioReferenceTest. */
class Ja4sTest {

    /** JA4S.md: extensions 0005,0017,ff01,0000 of a TLS 1.2 hello with suite c030, no ALPN. */
    @Test
    void specificationExample() {
        Ja4s s = Ja4s.of(hello(0x0303, 0xc030, extension(0x0005), extension(0x0017), extension(0xff01), extension(0x0000)));
        assertThat(s.raw()).isEqualTo("t120400_c030_0005,0017,ff01,0000");
        assertThat(s.fingerprint()).isEqualTo("t120400_c030_4e8089b08790");
    }

    /** supported_versions wins over legacy_version; the selected ALPN gives its characters; wire order kept. */
    @Test
    void versionAndAlpn() {
        Ja4s s = Ja4s.of(hello(0x0303, 0x1301,
                new Extension(0x0010, 0, 9, Slice.ofHex("0003026832"), new Opaque(Slice.EMPTY, Optional.empty())),
                new Extension(0x002b, 0, 6, Slice.ofHex("0304"), new SupportedVersions.SelectedVersion(0x0304)),
                extension(0x0033)));
        assertThat(s.raw()).isEqualTo("t1303h2_1301_0010,002b,0033");
    }

    /** No extensions (an SSL 3.0 or early TLS server): 000000000000; GREASE would be kept and counted. */
    @Test
    void emptyAndGrease() {
        assertThat(Ja4s.of(hello(0x0300, 0x000a)).fingerprint()).isEqualTo("ts30000_000a_000000000000");
        assertThat(Ja4s.of(hello(0x0303, 0xc02f, extension(0x0a0a))).raw()).isEqualTo("t120100_c02f_0a0a");
    }

    private static ServerHello hello(int version, int suite, Extension... extensions) {
        return new ServerHello(version, Slice.of(new byte[32]), Slice.EMPTY, suite, 0, List.of(extensions), false);
    }

    private static Extension extension(int type) {
        return new Extension(type, 0, 4, Slice.EMPTY, new Opaque(Slice.EMPTY, Optional.empty()));
    }
}
