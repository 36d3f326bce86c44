package org.tlsscope.tls.ext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.tlsscope.bytes.DecodeException;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;

/**
 * Random well-formed ClientHello extension blocks, encoded here per the RFCs, decode back to the values
 * they were built from; cutting them anywhere fails only the way the reader promises.
 */
class ExtensionsPropertyTest {
    /** HandshakeType codes of every message that carries extensions. */
    private static final int[] CONTEXTS = {1, 2, 4, 8, 11, 13};

    /** One extension as built: its type, its extension_data, and the body it must decode to. */
    record Built(int type, byte[] data, ExtensionBody expected) {
        byte[] encoded() {
            return Wire.extension(type, data);
        }
    }

    static byte[] block(List<Built> extensions) {
        return Wire.block(extensions.stream().map(Built::encoded).toArray(byte[][]::new));
    }

    @Property(tries = 300)
    void wellFormedBlocksDecodeToWhatTheyWereBuiltFrom(@ForAll("blocks") List<Built> built) {
        List<Extension> parsed = ExtensionsReader.read(new FieldReader(Slice.of(block(built)), 0), 1, false);

        assertThat(parsed).extracting(e -> canonical(e.body()))
                .containsExactlyElementsOf(built.stream().map(b -> canonical(b.expected())).toList());
        assertThat(parsed).extracting(Extension::type).containsExactlyElementsOf(built.stream().map(Built::type).toList());
    }

    @Property(tries = 200)
    void aBlockCutShortIsADecodeError(@ForAll("blocks") List<Built> built, @ForAll @IntRange(min = 1) int cutSeed) {
        byte[] block = block(built);
        int keep = cutSeed % block.length;
        FieldReader r = new FieldReader(Slice.of(Arrays.copyOf(block, keep)), 0);

        assertThatThrownBy(() -> ExtensionsReader.read(r, 1, false))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.offset()).isBetween(0, keep));
    }

    @Property(tries = 300)
    void anExtensionCutShortIsMalformedOrStillDecodesInEveryMessage(@ForAll("blocks") List<Built> built,
                                                                     @ForAll @IntRange(min = 0) int which,
                                                                     @ForAll @IntRange(min = 1) int cutSeed) {
        if (built.isEmpty()) {
            return;
        }
        List<Built> damaged = new ArrayList<>(built);
        int i = which % built.size();
        Built victim = built.get(i);
        int keep = victim.data().length == 0 ? 0 : cutSeed % victim.data().length;
        damaged.set(i, new Built(victim.type(), Arrays.copyOf(victim.data(), keep), victim.expected()));
        byte[] block = block(damaged);

        for (int context : CONTEXTS) {
            for (boolean hrr : new boolean[] {false, true}) {
                assertThatCode(() -> {
                    List<Extension> parsed = ExtensionsReader.read(new FieldReader(Slice.of(block), 0), context, hrr);
                    assertThat(parsed).hasSize(damaged.size());
                }).doesNotThrowAnyException();
            }
        }
    }

    /** Records, lists and slices as comparable values (a Slice compares by identity). */
    static Object canonical(Object value) {
        if (value instanceof Slice s) {
            return "0x" + s.hex();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ExtensionsPropertyTest::canonical).toList();
        }
        if (value instanceof Record record) {
            List<Object> parts = new ArrayList<>();
            parts.add(record.getClass().getSimpleName());
            for (var component : record.getClass().getRecordComponents()) {
                try {
                    parts.add(canonical(component.getAccessor().invoke(record)));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return parts;
        }
        return value;
    }

    // ---- generators ------------------------------------------------------------------------------

    @Provide
    Arbitrary<List<Built>> blocks() {
        return Arbitraries.oneOf(List.of(serverName(), supportedGroups(), ecPointFormats(), signatureAlgorithms(),
                alpn(), sessionTicket(), renegotiationInfo(), empties(), supportedVersions(), keyShare(),
                pskKeyExchangeModes(), padding(), recordSizeLimit(), cookie(), compressCertificate(), heartbeat(),
                statusRequest(), echOuter(), preSharedKey(), grease(), unknown())).list().ofMaxSize(10);
    }

    static Arbitrary<byte[]> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
    }

    static Arbitrary<List<Integer>> u16s(int min, int max) {
        return Arbitraries.integers().between(0, 0xffff).list().ofMinSize(min).ofMaxSize(max);
    }

    static Arbitrary<List<Integer>> u8s(int min, int max) {
        return Arbitraries.integers().between(0, 0xff).list().ofMinSize(min).ofMaxSize(max);
    }

    static void u16List(Wire w, List<Integer> values) {
        values.forEach(w::u16);
    }

    static void u8List(Wire w, List<Integer> values) {
        values.forEach(w::u8);
    }

    static Arbitrary<Built> uint16List(int type, Function<List<Integer>, ExtensionBody> body) {
        return u16s(1, 12).map(v -> new Built(type, Wire.build(w -> w.vector16(l -> u16List(l, v))), body.apply(v)));
    }

    static Arbitrary<Built> serverName() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('.', '-').ofMinLength(1).ofMaxLength(30)
                .list().ofMinSize(1).ofMaxSize(3)
                .map(names -> new Built(ExtensionType.SERVER_NAME,
                        Wire.build(w -> w.vector16(l -> names.forEach(n -> l.u8(0).vector16(h -> h.bytes(n.getBytes()))))),
                        new ServerNameList(names.stream()
                                .map(n -> new ServerNameList.ServerName(0, Slice.of(n.getBytes()))).toList())));
    }

    static Arbitrary<Built> supportedGroups() {
        return uint16List(ExtensionType.SUPPORTED_GROUPS, SupportedGroups::new);
    }

    static Arbitrary<Built> signatureAlgorithms() {
        return Arbitraries.of(ExtensionType.SIGNATURE_ALGORITHMS, ExtensionType.SIGNATURE_ALGORITHMS_CERT)
                .flatMap(type -> uint16List(type, SignatureAlgorithms::new));
    }

    static Arbitrary<Built> ecPointFormats() {
        return u8s(1, 4).map(v -> new Built(ExtensionType.EC_POINT_FORMATS,
                Wire.build(w -> w.vector8(l -> u8List(l, v))), new EcPointFormats(v)));
    }

    static Arbitrary<Built> alpn() {
        return Arbitraries.strings().withCharRange('!', '~').excludeChars('\\').ofMinLength(1).ofMaxLength(12)
                .list().ofMinSize(1).ofMaxSize(4)
                .map(names -> new Built(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION,
                        Wire.build(w -> w.vector16(l -> names.forEach(n -> l.vector8(p -> p.bytes(n.getBytes()))))),
                        new ApplicationLayerProtocolNegotiation(names)));
    }

    static Arbitrary<Built> sessionTicket() {
        return bytes(0, 64).map(t -> new Built(ExtensionType.SESSION_TICKET, t, new SessionTicket(Slice.of(t))));
    }

    static Arbitrary<Built> renegotiationInfo() {
        return bytes(0, 12).map(v -> new Built(ExtensionType.RENEGOTIATION_INFO,
                Wire.build(w -> w.vector8(l -> l.bytes(v))), new RenegotiationInfo(Slice.of(v))));
    }

    static Arbitrary<Built> empties() {
        return Arbitraries.of(
                new Built(ExtensionType.EXTENDED_MASTER_SECRET, new byte[0], new ExtendedMasterSecret()),
                new Built(ExtensionType.ENCRYPT_THEN_MAC, new byte[0], new EncryptThenMac()),
                new Built(ExtensionType.POST_HANDSHAKE_AUTH, new byte[0], new PostHandshakeAuth()),
                new Built(ExtensionType.EARLY_DATA, new byte[0], new EarlyData.Indication()),
                new Built(ExtensionType.SIGNED_CERTIFICATE_TIMESTAMP, new byte[0],
                        new SignedCertificateTimestamp(List.of())));
    }

    static Arbitrary<Built> supportedVersions() {
        return u16s(1, 6).map(v -> new Built(ExtensionType.SUPPORTED_VERSIONS,
                Wire.build(w -> w.vector8(l -> u16List(l, v))), new SupportedVersions.Versions(v)));
    }

    static Arbitrary<Built> keyShare() {
        Arbitrary<KeyShare.KeyShareEntry> entry = Combinators.combine(Arbitraries.integers().between(0, 0xffff),
                bytes(1, 97)).as((g, k) -> new KeyShare.KeyShareEntry(g, Slice.of(k)));
        return entry.list().ofMaxSize(3).map(entries -> new Built(ExtensionType.KEY_SHARE,
                Wire.build(w -> w.vector16(l -> entries.forEach(
                        e -> l.u16(e.group()).vector16(k -> k.bytes(e.keyExchange().toArray()))))),
                new KeyShare.ClientShares(entries)));
    }

    static Arbitrary<Built> pskKeyExchangeModes() {
        return u8s(1, 3).map(v -> new Built(ExtensionType.PSK_KEY_EXCHANGE_MODES,
                Wire.build(w -> w.vector8(l -> u8List(l, v))), new PskKeyExchangeModes(v)));
    }

    static Arbitrary<Built> padding() {
        return Arbitraries.oneOf(List.of(Arbitraries.integers().between(0, 200).map(byte[]::new), bytes(1, 20)))
                .map(p -> {
                    boolean zero = true;
                    for (byte b : p) {
                        zero &= b == 0;
                    }
                    return new Built(ExtensionType.PADDING, p, new Padding(p.length, zero));
                });
    }

    static Arbitrary<Built> recordSizeLimit() {
        return Arbitraries.integers().between(64, 0xffff).map(v -> new Built(ExtensionType.RECORD_SIZE_LIMIT,
                Wire.build(w -> w.u16(v)), new RecordSizeLimit(v)));
    }

    static Arbitrary<Built> cookie() {
        return bytes(1, 80).map(c -> new Built(ExtensionType.COOKIE,
                Wire.build(w -> w.vector16(l -> l.bytes(c))), new Cookie(Slice.of(c))));
    }

    static Arbitrary<Built> compressCertificate() {
        return u16s(1, 3).map(v -> new Built(ExtensionType.COMPRESS_CERTIFICATE,
                Wire.build(w -> w.vector8(l -> u16List(l, v))), new CompressCertificate(v)));
    }

    static Arbitrary<Built> heartbeat() {
        return Arbitraries.integers().between(0, 0xff).map(m -> new Built(ExtensionType.HEARTBEAT,
                Wire.build(w -> w.u8(m)), new Heartbeat(m)));
    }

    static Arbitrary<Built> statusRequest() {
        return Combinators.combine(bytes(1, 10).list().ofMaxSize(2), bytes(0, 10)).as((ids, ext) -> new Built(
                ExtensionType.STATUS_REQUEST,
                Wire.build(w -> w.u8(StatusRequest.OCSP)
                        .vector16(l -> ids.forEach(id -> l.vector16(i -> i.bytes(id))))
                        .vector16(e -> e.bytes(ext))),
                new StatusRequest.OcspStatusRequest(ids.stream().map(Slice::of).toList(), Slice.of(ext))));
    }

    static Arbitrary<Built> echOuter() {
        return Combinators.combine(Arbitraries.integers().between(0, 0xffff), Arbitraries.integers().between(0, 0xffff),
                        Arbitraries.integers().between(0, 0xff), bytes(0, 40), bytes(1, 120))
                .as((kdf, aead, config, enc, payload) -> new Built(ExtensionType.ENCRYPTED_CLIENT_HELLO,
                        Wire.build(w -> w.u8(EncryptedClientHello.OUTER).u16(kdf).u16(aead).u8(config)
                                .vector16(e -> e.bytes(enc)).vector16(p -> p.bytes(payload))),
                        new EncryptedClientHello.Outer(kdf, aead, config, Slice.of(enc), Slice.of(payload))));
    }

    static Arbitrary<Built> preSharedKey() {
        Arbitrary<PreSharedKey.PskIdentity> identity = Combinators.combine(bytes(1, 40),
                Arbitraries.longs().between(0, 0xffffffffL)).as((id, age) -> new PreSharedKey.PskIdentity(Slice.of(id), age));
        return identity.list().ofMinSize(1).ofMaxSize(3).flatMap(ids -> bytes(32, 48).list().ofSize(ids.size())
                .map(binders -> new Built(ExtensionType.PRE_SHARED_KEY,
                        Wire.build(w -> w
                                .vector16(l -> ids.forEach(i -> l.vector16(v -> v.bytes(i.identity().toArray()))
                                        .u32(i.obfuscatedTicketAge())))
                                .vector16(l -> binders.forEach(b -> l.vector8(v -> v.bytes(b))))),
                        new PreSharedKey.OfferedPsks(ids, binders.stream().map(Slice::of).toList()))));
    }

    static Arbitrary<Built> grease() {
        return Combinators.combine(Arbitraries.integers().between(0, 15), bytes(0, 4)).as((n, data) -> {
            int type = (n << 12) | 0x0a00 | (n << 4) | 0x0a;
            return new Built(type, data, new Grease(Slice.of(data)));
        });
    }

    static Arbitrary<Built> unknown() {
        return Combinators.combine(Arbitraries.integers().between(0x1000, 0x1fff)
                        .filter(t -> !org.tlsscope.tls.registry.Grease.is(t)), bytes(0, 20))
                .as((type, data) -> new Built(type, data, new Opaque(Slice.of(data), java.util.Optional.empty())));
    }
}
