package org.tlsscope.ja4plus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tlsscope.analysis.fingerprint.Ja3s;
import org.tlsscope.analysis.fingerprint.ServerHelloKey;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.ext.Opaque;
import org.tlsscope.tls.ext.SupportedVersions;
import org.tlsscope.tls.handshake.ServerHello;

/**
 * The key under which a server's JA3S and JA4S are computed once: its answers that differ only in what changes
 * from connection to connection share it, and answers whose JA3S or JA4S differ never do.
 */
class ServerHelloKeyPropertiesTest {
    private static final int[] SUITES = {0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0x009c, 0x0035};
    private static final int[] TYPES = {0xff01, 0x000b, 0x0023, 0x0017, 0x0016, 0x0010, 0x002b, 0x0033, 0x0029};
    private static final String[] ALPN = {"0003026832", "0003026833", "0009086874747032aaff", "00"};
    private static final int[] VERSIONS = {0x0304, 0x0303, 0x7f1c};

    /** A server's choices for one kind of client; {@code connection} draws what changes between connections. */
    private static ServerHello hello(long server, Random connection) {
        Random r = new Random(server);
        List<Extension> extensions = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        for (int t : TYPES) {
            if (r.nextBoolean()) {
                types.add(t);
            }
        }
        Collections.shuffle(types, r);
        for (int type : types) {
            if (type == 0x002b) {
                extensions.add(selectedVersion(VERSIONS[r.nextInt(VERSIONS.length)]));
                continue;
            }
            Slice data = switch (type) {
                case 0x0010 -> Slice.ofHex(ALPN[r.nextInt(ALPN.length)]);
                case 0x0033, 0x0029 -> bytes(connection, 2 + connection.nextInt(40));
                default -> Slice.EMPTY;
            };
            extensions.add(new Extension(type, 0, data.length(), data, new Opaque(Slice.EMPTY, Optional.empty())));
        }
        return new ServerHello(r.nextBoolean() ? 0x0303 : 0x0301, bytes(connection, 32), bytes(connection, 32),
                SUITES[r.nextInt(SUITES.length)], 0, extensions, false);
    }

    @Property(tries = 300)
    void answersOfOneServerShareTheKeyAndTheirFingerprints(@ForAll long server, @ForAll Random connections) {
        ServerHello one = hello(server, connections);
        ServerHello other = hello(server, connections);

        assertThat(ServerHelloKey.of(one)).isEqualTo(ServerHelloKey.of(other));
        assertThat(fingerprints(one)).isEqualTo(fingerprints(other));
    }

    @Property(tries = 1500)
    void anAnswerChangedInAnythingTheFingerprintsReadHasAnotherKey(@ForAll long server, @ForAll Random connections,
                                                                  @ForAll @IntRange(max = 4) int change) {
        ServerHello one = hello(server, connections);
        int version = one.legacyVersion();
        int suite = one.cipherSuite();
        List<Extension> extensions = new ArrayList<>(one.extensions());
        int at = extensions.isEmpty() ? -1 : connections.nextInt(extensions.size());
        switch (change) {
            case 0 -> version ^= 0x0002;
            case 1 -> suite = SUITES[connections.nextInt(SUITES.length)];
            case 2 -> {
                if (at >= 0) {
                    Collections.swap(extensions, at, connections.nextInt(extensions.size()));
                }
            }
            case 3 -> {
                for (int i = 0; i < extensions.size(); i++) {
                    Extension e = extensions.get(i);
                    if (e.type() == 0x0010) {
                        Slice data = Slice.ofHex(ALPN[connections.nextInt(ALPN.length)]);
                        extensions.set(i, new Extension(0x0010, 0, data.length(), data, e.body()));
                    } else if (e.body() instanceof SupportedVersions.SelectedVersion) {
                        extensions.set(i, selectedVersion(VERSIONS[connections.nextInt(VERSIONS.length)]));
                    }
                }
            }
            default -> {
                if (at >= 0) {
                    extensions.remove(at);
                }
            }
        }
        ServerHello other = new ServerHello(version, one.random(), one.legacySessionId(), suite, 0, extensions, false);

        if (!fingerprints(one).equals(fingerprints(other))) {
            assertThat(ServerHelloKey.of(other)).isNotEqualTo(ServerHelloKey.of(one));
        }
    }

    /**
     * supported_versions as the reader makes it in a ServerHello: the selected version with the two bytes it was
     * read from (RFC 8446 section 4.2.1), which is what the key holds of it.
     */
    private static Extension selectedVersion(int version) {
        Slice data = Slice.of(new byte[] {(byte) (version >> 8), (byte) version});
        return new Extension(0x002b, 0, data.length(), data, new SupportedVersions.SelectedVersion(version));
    }

    private static List<String> fingerprints(ServerHello hello) {
        Ja4s ja4s = Ja4s.of(hello);
        return List.of(Ja3s.of(hello).full(), ja4s.fingerprint(), ja4s.raw());
    }

    private static Slice bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return Slice.of(b);
    }
}
