package org.tlsscope.analysis.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.ext.EcPointFormats;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.ext.ExtensionBody;
import org.tlsscope.tls.ext.Opaque;
import org.tlsscope.tls.ext.SignatureAlgorithms;
import org.tlsscope.tls.ext.SupportedGroups;
import org.tlsscope.tls.ext.SupportedVersions;
import org.tlsscope.tls.handshake.ClientHello;

/**
 * The key under which a client program's fingerprints are computed once: hellos of one program (same choices,
 * other random, session id, server name and key shares) share it, and hellos whose JA3 or JA4 differ never do.
 */
class ClientHelloKeyPropertiesTest {
    private static final int[] SUITES = {0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0x009c, 0x002f, 0x0035, 0x0a0a, 0x00ff};
    private static final int[] VALUES = {0x001d, 0x0017, 0x0018, 0x0403, 0x0804, 0x0304, 0x0303, 0x0000, 0x0001, 0x2a2a};
    private static final int[] TYPES = {0, 5, 10, 11, 13, 16, 23, 35, 43, 45, 50, 51, 0xff01, 0x1a1a, 21};
    private static final String[] ALPN = {"0003026832", "0003026833", "000c02683208687474702f312e31", "0009086874747032aaff", "00"};

    /** A client program's choices; {@code connection} draws what changes from one of its connections to the next. */
    private static ClientHello hello(long program, Random connection) {
        Random r = new Random(program);
        List<Integer> suites = values(r, SUITES);
        List<Extension> extensions = new ArrayList<>();
        for (int type : shuffled(r, TYPES)) {
            ExtensionBody body = switch (type) {
                case 10 -> new SupportedGroups(values(r, VALUES));
                case 11 -> new EcPointFormats(oneByte(values(r, VALUES)));
                case 13, 50 -> new SignatureAlgorithms(values(r, VALUES));
                case 43 -> new SupportedVersions.Versions(values(r, VALUES));
                default -> new Opaque(Slice.EMPTY, Optional.empty());
            };
            Slice data = switch (type) {
                case 16 -> Slice.ofHex(ALPN[r.nextInt(ALPN.length)]);
                case 0, 51, 21, 35 -> bytes(connection, 1 + connection.nextInt(40));
                default -> Slice.EMPTY;
            };
            extensions.add(extension(type, body, data));
        }
        int version = r.nextBoolean() ? 0x0303 : 0x0301;
        return new ClientHello(version, bytes(connection, 32), bytes(connection, connection.nextInt(33)), suites,
                List.of(0), extensions);
    }

    @Property(tries = 300)
    void connectionsOfOneProgramShareTheKeyAndItsFingerprints(@ForAll long program, @ForAll Random connections) {
        ClientHello one = hello(program, connections);
        ClientHello other = hello(program, connections);

        assertThat(ClientHelloKey.of(one)).isEqualTo(ClientHelloKey.of(other))
                .hasSameHashCodeAs(ClientHelloKey.of(other));
        assertThat(fingerprints(one)).isEqualTo(fingerprints(other));
    }

    @Property(tries = 1500)
    void aHelloChangedInAnythingTheFingerprintsReadHasAnotherKey(@ForAll long program, @ForAll Random connections,
                                                                 @ForAll @IntRange(max = 5) int change) {
        ClientHello one = hello(program, connections);
        ClientHello other = changed(one, change, connections);

        if (!fingerprints(one).equals(fingerprints(other))) {
            assertThat(ClientHelloKey.of(other)).isNotEqualTo(ClientHelloKey.of(one));
        }
    }

    /** {@code hello} with one thing JA3 or JA4 reads changed: version, suites, order, ALPN, or a list. */
    private static ClientHello changed(ClientHello hello, int change, Random r) {
        int version = hello.legacyVersion();
        List<Integer> suites = hello.cipherSuites();
        List<Extension> extensions = new ArrayList<>(hello.extensions());
        int at = extensions.isEmpty() ? -1 : r.nextInt(extensions.size());
        switch (change) {
            case 0 -> version ^= 0x0002;
            case 1 -> suites = appended(suites);
            case 2 -> {
                if (at >= 0) {
                    Collections.swap(extensions, at, r.nextInt(extensions.size()));
                }
            }
            case 3 -> {
                for (int i = 0; i < extensions.size(); i++) {
                    Extension e = extensions.get(i);
                    if (e.type() == 16) {
                        Slice data = Slice.ofHex(ALPN[r.nextInt(ALPN.length)]);
                        extensions.set(i, new Extension(16, e.offset(), data.length(), data, e.body()));
                    }
                }
            }
            case 4 -> {
                if (at >= 0) {
                    extensions.remove(at);
                }
            }
            default -> {
                if (at >= 0) {
                    Extension e = extensions.get(at);
                    ExtensionBody body = switch (e.body()) {
                        case SupportedGroups g -> new SupportedGroups(appended(g.namedGroupList()));
                        case EcPointFormats f -> new EcPointFormats(oneByte(appended(f.ecPointFormatList())));
                        case SignatureAlgorithms a -> new SignatureAlgorithms(appended(a.supportedSignatureAlgorithms()));
                        case SupportedVersions.Versions v -> new SupportedVersions.Versions(appended(v.versions()));
                        default -> e.body();
                    };
                    extensions.set(at, extension(e.type(), body, e.data()));
                }
            }
        }
        return new ClientHello(version, hello.random(), hello.legacySessionId(), suites, hello.compressionMethods(),
                extensions);
    }

    /**
     * An extension as the reader makes one: a decoded list comes with the bytes it was decoded from (RFC 8446
     * section 4.2.7, 4.2.3, 4.2.1; RFC 8422 section 5.1.2), which is what the key holds of it.
     */
    private static Extension extension(int type, ExtensionBody body, Slice data) {
        Slice wire = switch (body) {
            case SupportedGroups g -> vector(2, 2, g.namedGroupList());
            case EcPointFormats f -> vector(1, 1, f.ecPointFormatList());
            case SignatureAlgorithms a -> vector(2, 2, a.supportedSignatureAlgorithms());
            case SupportedVersions.Versions v -> vector(1, 2, v.versions());
            default -> data;
        };
        return new Extension(type, 0, wire.length(), wire, body);
    }

    private static Slice vector(int lengthBytes, int valueBytes, List<Integer> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = values.size() * valueBytes;
        if (lengthBytes == 2) {
            out.write(n >> 8);
        }
        out.write(n);
        for (int v : values) {
            if (valueBytes == 2) {
                out.write(v >> 8);
            }
            out.write(v);
        }
        return Slice.of(out.toByteArray());
    }

    private static List<Integer> oneByte(List<Integer> values) {
        return values.stream().map(v -> v & 0xff).toList();
    }

    private static List<String> fingerprints(ClientHello hello) {
        Ja4 ja4 = Ja4.of(hello);
        return List.of(Ja3.of(hello).full(), ja4.raw(), ja4.originalRaw(), ja4.fingerprint());
    }

    private static List<Integer> appended(List<Integer> values) {
        List<Integer> more = new ArrayList<>(values);
        more.add(0x0101 + values.size());
        return more;
    }

    private static List<Integer> values(Random r, int[] pool) {
        List<Integer> values = new ArrayList<>();
        for (int i = r.nextInt(6); i > 0; i--) {
            values.add(pool[r.nextInt(pool.length)]);
        }
        return values;
    }

    private static List<Integer> shuffled(Random r, int[] types) {
        List<Integer> kept = new ArrayList<>();
        for (int t : types) {
            if (r.nextInt(3) > 0) {
                kept.add(t);
            }
        }
        Collections.shuffle(kept, r);
        return kept;
    }

    private static Slice bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return Slice.of(b);
    }
}
