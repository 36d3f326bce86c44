package org.tlsscope.decrypt;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.tlsscope.bytes.Slice;
import org.tlsscope.decrypt.cipher.CipherSpec;
import org.tlsscope.decrypt.cipher.KeyBlock;
import org.tlsscope.decrypt.cipher.Opening;
import org.tlsscope.decrypt.cipher.RecordCipher;
import org.tlsscope.decrypt.cipher.RecordCiphers;
import org.tlsscope.decrypt.cipher.Tls12KeySchedule;
import org.tlsscope.decrypt.cipher.Tls13KeySchedule;
import org.tlsscope.decrypt.cipher.TrafficKeys;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.tcp.Direction;
import org.tlsscope.tls.connection.Decrypted;
import org.tlsscope.tls.connection.DecryptionStatus;
import org.tlsscope.tls.connection.DecryptionStatus.Verification;
import org.tlsscope.tls.connection.RecordDecryptor;
import org.tlsscope.tls.ext.Extensions;
import org.tlsscope.tls.ext.ExtensionType;
import org.tlsscope.tls.ext.SessionTicket;
import org.tlsscope.tls.handshake.Certificate;
import org.tlsscope.tls.handshake.ClientHello;
import org.tlsscope.tls.handshake.ClientKeyExchange;
import org.tlsscope.tls.handshake.EndOfEarlyData;
import org.tlsscope.tls.handshake.Finished;
import org.tlsscope.tls.handshake.KeyUpdate;
import org.tlsscope.tls.handshake.NewSessionTicket;
import org.tlsscope.tls.handshake.ParsedMessage;
import org.tlsscope.tls.handshake.ServerHello;
import org.tlsscope.tls.handshake.Sslv2ClientHello;
import org.tlsscope.tls.record.ContentType;
import org.tlsscope.tls.record.TlsRecord;
import org.tlsscope.tls.registry.Registries;

/**
 * Follows one connection's handshakes through the key schedule and opens its protected records: SSL 3.0
 * to TLS 1.2 switch keys at each side's change_cipher_spec (RFC 5246 section 7.1), TLS 1.3 at the
 * ServerHello, each Finished, EndOfEarlyData and KeyUpdate (RFC 8446 section 7). Both Finished messages are
 * checked against the transcript: the proof that the keys, and the messages seen, are right.
 */
final class ConnectionDecryptor implements RecordDecryptor {
    static final String CLIENT_EARLY = "CLIENT_EARLY_TRAFFIC_SECRET";
    static final String CLIENT_HANDSHAKE = "CLIENT_HANDSHAKE_TRAFFIC_SECRET";
    static final String SERVER_HANDSHAKE = "SERVER_HANDSHAKE_TRAFFIC_SECRET";
    static final String CLIENT_TRAFFIC = "CLIENT_TRAFFIC_SECRET_0";
    static final String SERVER_TRAFFIC = "SERVER_TRAFFIC_SECRET_0";

    private final int connection;
    private final KeyLog keyLog;
    private final MasterSecrets masterSecrets;
    private final SessionCache sessions;
    private final Reader client = new Reader("client");
    private final Reader server = new Reader("server");
    private Handshake handshake = new Handshake();
    /** The last handshake whose keys are in use: its master secret serves tickets issued after it. */
    private Handshake keyed;
    private KeyBlock pending;
    private String reason;
    private String keySource;
    private Verification clientFinished = Verification.NOT_SEEN;
    private Verification serverFinished = Verification.NOT_SEEN;
    /** The first record that did not open, in the order records came: "bad record MAC at client record 1 (...)". */
    private String firstFailure;

    ConnectionDecryptor(int connection, KeyLog keyLog, RsaKeys rsaKeys, SessionCache sessions) {
        this.connection = connection;
        this.keyLog = keyLog;
        this.masterSecrets = new MasterSecrets(keyLog, rsaKeys, sessions);
        this.sessions = sessions;
    }

    // ---- handshake ------------------------------------------------------------------------------

    @Override
    public void onHandshake(Direction from, ParsedMessage message, int version, int cipherSuite) {
        Slice bytes = message.raw().bytes();
        if (message.malformed()) {
            handshake.transcript.add(bytes);
            return;
        }
        switch (message.message()) {
            case ClientHello ch -> clientHello(ch, bytes);
            case Sslv2ClientHello v2 -> sslv2ClientHello(v2, bytes);
            case ServerHello sh -> serverHello(sh, bytes, version);
            case Certificate c -> {
                if (from == Direction.SERVER_TO_CLIENT && !c.certificateList().isEmpty() && !handshake.tls13()) {
                    handshake.serverCertificate = Slice.of(c.certificateList().getFirst().certData().toArray());
                }
                handshake.transcript.add(bytes);
            }
            case ClientKeyExchange cke -> {
                handshake.encryptedPreMaster = Slice.of(cke.exchangeKeys().toArray());
                handshake.transcript.add(bytes);
                if (handshake.extendedMasterSecret && handshake.spec != null) {
                    handshake.sessionHash = handshake.transcript.sessionHash(handshake.spec, handshake.version);
                }
            }
            case Finished f -> finished(from, f, bytes);
            case NewSessionTicket nst -> {
                // RFC 5077 section 3.3: the ticket stands for the session's master secret (TLS 1.2 and older),
                // and the message is part of the handshake the Finished messages cover. TLS 1.3's is not.
                handshake.transcript.add(bytes);
                Handshake owner = keyed != null ? keyed : handshake;
                if (!owner.tls13() && owner.masterSecret != null) {
                    sessions.rememberTicket(Slice.of(nst.ticket().toArray()), new SessionCache.Session(owner.masterSecret, connection));
                } else if (!owner.tls13()) {
                    handshake.pendingTicket = Slice.of(nst.ticket().toArray());
                }
            }
            case EndOfEarlyData e -> {
                handshake.transcript.add(bytes);
                // RFC 8446 section 4.5: the client's next records use its handshake traffic keys.
                client.use(tls13Cipher(CLIENT_HANDSHAKE), "handshake");
            }
            case KeyUpdate ku -> keyUpdate(from);
            default -> handshake.transcript.add(bytes);
        }
    }

    private void clientHello(ClientHello ch, Slice bytes) {
        if (handshake.clientRandom != null && !handshake.helloRetried) {
            handshake = new Handshake();
        }
        Handshake h = handshake;
        h.clientRandom = ch.random().toArray();
        h.clientSessionId = Slice.of(ch.legacySessionId().toArray());
        h.offeredTicket = Extensions.find(ch.extensions(), SessionTicket.class)
                .map(t -> Slice.of(t.ticket().toArray())).orElse(null);
        h.offeredSuites = List.copyOf(ch.cipherSuites());
        h.earlyDataOffered = Extensions.has(ch.extensions(), ExtensionType.EARLY_DATA);
        h.transcript.add(bytes);
        if (h.earlyDataOffered && !h.helloRetried) {
            client.useEarly(earlyCandidates(h));
        }
    }

    /**
     * RFC 5246 appendix E.2: the challenge, right-aligned in 32 zero bytes, is the client random; the
     * transcript holds the message without its two-byte SSL 2.0 record header.
     */
    private void sslv2ClientHello(Sslv2ClientHello v2, Slice bytes) {
        handshake = new Handshake();
        byte[] random = new byte[32];
        Slice challenge = v2.challenge();
        int n = Math.min(32, challenge.length());
        challenge.slice(challenge.length() - n, n).copyTo(random, 32 - n);
        handshake.clientRandom = random;
        handshake.clientSessionId = Slice.of(v2.sessionId().toArray());
        handshake.transcript.add(bytes.from(2));
    }

    private void serverHello(ServerHello sh, Slice bytes, int version) {
        Handshake h = handshake;
        if (sh.helloRetryRequest()) {
            // RFC 8446 section 4.4.1: the first ClientHello enters the transcript as its hash.
            h.transcript.restartForHelloRetryRequest();
            h.transcript.add(bytes);
            h.helloRetried = true;
            return;
        }
        h.serverHelloSeen = true;
        h.serverRandom = sh.random().toArray();
        h.serverSessionId = Slice.of(sh.legacySessionId().toArray());
        h.version = version;
        h.suite = sh.cipherSuite();
        h.extendedMasterSecret = Extensions.has(sh.extensions(), ExtensionType.EXTENDED_MASTER_SECRET);
        h.encryptThenMac = Extensions.has(sh.extensions(), ExtensionType.ENCRYPT_THEN_MAC);
        h.deflate = sh.compressionMethod() == 1;
        h.transcript.add(bytes);
        if ((version >> 8) == 0x7f) {
            h.unsupported = "TLS 1.3 draft " + (version & 0xff) + " (" + Registries.PROTOCOL_VERSIONS.name(version)
                    + "): its key schedule is not supported";
            return;
        }
        switch (CipherSpec.resolve(h.suite, version)) {
            case CipherSpec.Supported s -> h.spec = s.spec();
            case CipherSpec.Unsupported u -> h.unsupported = u.reason();
        }
        if (h.tls13()) {
            tls13HandshakeKeys(h);
        }
    }

    private void tls13HandshakeKeys(Handshake h) {
        if (h.spec == null) {
            fail(h.unsupported);
            return;
        }
        RecordCipher serverKeys = tls13Cipher(SERVER_HANDSHAKE);
        RecordCipher clientKeys = tls13Cipher(CLIENT_HANDSHAKE);
        if (serverKeys == null && clientKeys != null) {
            // The client's secret was found after the server's missed: a followed key log grew in between (its
            // client writes both at once). Asked again, the key log has the server's too.
            serverKeys = tls13Cipher(SERVER_HANDSHAKE);
        }
        if (serverKeys == null || clientKeys == null) {
            List<String> missing = new ArrayList<>(2);
            if (serverKeys == null) {
                missing.add(SERVER_HANDSHAKE);
            }
            if (clientKeys == null) {
                missing.add(CLIENT_HANDSHAKE);
            }
            fail(missing13(h, missing));
        }
        if (serverKeys != null || clientKeys != null) {
            keySource = "key log (TLS 1.3 traffic secrets)";
        }
        keyed = h;
        server.use(serverKeys, "handshake");
        // With 0-RTT offered, the client's records stay under its early keys until EndOfEarlyData, or until
        // one fails to open under them (the server rejected early data: RFC 8446 section 4.2.10).
        if (client.early == null) {
            client.use(clientKeys, "handshake");
        } else {
            client.fallback = clientKeys;
        }
    }

    private void finished(Direction from, Finished f, Slice bytes) {
        Handshake h = handshake;
        boolean fromClient = from == Direction.CLIENT_TO_SERVER;
        byte[] expected = expectedVerifyData(h, fromClient);
        if (expected != null) {
            boolean ok = MessageDigest.isEqual(expected, f.verifyData().toArray());
            if (fromClient) {
                clientFinished = ok ? Verification.VERIFIED : Verification.MISMATCH;
            } else {
                serverFinished = ok ? Verification.VERIFIED : Verification.MISMATCH;
            }
            if (!ok) {
                fail((fromClient ? "client" : "server") + " Finished verify_data does not match the handshake transcript"
                        + " (wrong keys, or handshake messages the capture missed)");
            }
        }
        h.transcript.add(bytes);
        if (h.tls13() && h.spec != null) {
            // RFC 8446 section 7.1: each side's records after its Finished use its application traffic keys.
            Reader reader = fromClient ? client : server;
            reader.use(tls13Cipher(fromClient ? CLIENT_TRAFFIC : SERVER_TRAFFIC), "application");
            reader.secret = keyLog.secret(fromClient ? CLIENT_TRAFFIC : SERVER_TRAFFIC, h.clientRandom);
        }
    }

    private byte[] expectedVerifyData(Handshake h, boolean fromClient) {
        if (h.spec == null) {
            return null;
        }
        if (h.tls13()) {
            byte[] base = keyLog.secret(fromClient ? CLIENT_HANDSHAKE : SERVER_HANDSHAKE, h.clientRandom);
            return base == null ? null : Tls13KeySchedule.verifyData(h.spec, base, h.transcript);
        }
        return h.masterSecret == null ? null : Tls12KeySchedule.verifyData(h.spec, h.version, h.masterSecret, fromClient, h.transcript);
    }

    private void keyUpdate(Direction from) {
        // RFC 8446 section 4.6.3: the sender's later records use the next generation of its traffic secret.
        Reader reader = from == Direction.CLIENT_TO_SERVER ? client : server;
        Handshake h = keyed;
        if (h == null || h.spec == null || reader.secret == null) {
            reader.use(null, null);
            return;
        }
        reader.secret = Tls13KeySchedule.nextTrafficSecret(h.spec, reader.secret);
        reader.generation++;
        reader.use(RecordCiphers.create(h.spec, h.version, Tls13KeySchedule.trafficKeys(h.spec, reader.secret), false),
                "application (generation " + reader.generation + ")");
    }

    private RecordCipher tls13Cipher(String label) {
        Handshake h = keyed != null && keyed.tls13() ? keyed : handshake;
        byte[] secret = h.clientRandom == null ? null : keyLog.secret(label, h.clientRandom);
        if (secret == null || h.spec == null) {
            return null;
        }
        if (secret.length != h.spec.hashLength()) {
            fail("the key log's " + label + " has " + secret.length + " bytes, but " + h.spec.name() + " needs "
                    + h.spec.hashLength());
            return null;
        }
        return RecordCiphers.create(h.spec, h.version, Tls13KeySchedule.trafficKeys(h.spec, secret), false);
    }

    /** 0-RTT keys under each TLS 1.3 suite the client offered with the secret's hash length: the first record picks. */
    private List<RecordCipher> earlyCandidates(Handshake h) {
        byte[] secret = keyLog.secret(CLIENT_EARLY, h.clientRandom);
        List<RecordCipher> candidates = new ArrayList<>();
        if (secret == null) {
            return candidates;
        }
        for (int suite : h.offeredSuites) {
            if (CipherSpec.resolve(suite, 0x0304) instanceof CipherSpec.Supported(CipherSpec spec)
                    && (suite >> 8) == 0x13 && spec.hashLength() == secret.length) {
                candidates.add(RecordCiphers.create(spec, 0x0304, Tls13KeySchedule.trafficKeys(spec, secret), false));
            }
        }
        return candidates;
    }

    /** Why TLS 1.3 keys are missing: {@code labels} are the secrets that the lookups did not find. */
    private String missing13(Handshake h, List<String> labels) {
        if (!keyLog.given()) {
            return "no keys given (--keylog or a Decryption Secrets Block; an RSA key cannot open TLS 1.3)";
        }
        var present = keyLog.labels(h.clientRandom);
        String random = HexFormat.of().formatHex(h.clientRandom);
        return present.isEmpty() ? "no key for client random " + random
                : "the key log has " + String.join(", ", present) + " for client random " + random
                        + " but not " + String.join(" and ", labels) + ", which TLS 1.3 needs";
    }

    @Override
    public void onChangeCipherSpec(Direction from) {
        Handshake h = handshake;
        if (pending == null || keyed != h) {
            derive12(h);
        }
        Reader reader = from == Direction.CLIENT_TO_SERVER ? client : server;
        if (pending == null) {
            reader.use(null, null);
            return;
        }
        TrafficKeys keys = from == Direction.CLIENT_TO_SERVER ? pending.client() : pending.server();
        reader.use(RecordCiphers.create(h.spec, h.version, keys, h.encryptThenMac), "session");
        reader.deflate = h.deflate ? new Deflate() : null;
    }

    private void derive12(Handshake h) {
        pending = null;
        switch (masterSecrets.find(h)) {
            case KeyMaterial.Missing m -> fail(m.reason());
            case KeyMaterial.Found found -> {
                h.masterSecret = found.secret();
                keyed = h;
                keySource = found.source();
                pending = Tls12KeySchedule.keyBlock(h.spec, h.version, h.masterSecret, h.clientRandom, h.serverRandom);
                SessionCache.Session session = new SessionCache.Session(h.masterSecret, connection);
                sessions.rememberSessionId(h.serverSessionId, session);
                if (h.pendingTicket != null) {
                    sessions.rememberTicket(h.pendingTicket, session);
                }
            }
        }
    }

    // ---- records --------------------------------------------------------------------------------

    @Override
    public Decrypted open(Direction from, TlsRecord record) {
        Reader reader = from == Direction.CLIENT_TO_SERVER ? client : server;
        return reader.open(record);
    }

    private void fail(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    @Override
    public DecryptionStatus status() {
        int opened = client.opened + server.opened;
        int failed = client.failed + server.failed;
        String why = reason;
        if (why == null && failed > 0) {
            why = firstFailure;
        }
        if (why == null && opened == 0) {
            why = handshake.clientRandom == null
                    ? "capture started after the handshake: no ClientHello, so no client random to find keys by"
                    : "no protected record to open";
        }
        return new DecryptionStatus(opened > 0 && failed == 0 && why == null, why, keySource, opened, failed,
                clientFinished, serverFinished, client.applicationBytes, server.applicationBytes);
    }

    static String versionName(int version) {
        return Registries.PROTOCOL_VERSIONS.name(version);
    }

    /** One direction's current keys and what they opened. */
    private final class Reader {
        final String sender;
        RecordCipher cipher;
        String epoch;
        /** 0-RTT: candidate ciphers until one opens the first early record, then that one. */
        List<RecordCipher> early;
        /** The handshake keys to fall back on when a record does not open under the early ones. */
        RecordCipher fallback;
        /** RFC 3749 compression of this direction's records, or null. */
        Deflate deflate;
        /** TLS 1.3: the current application traffic secret, for KeyUpdate. */
        byte[] secret;
        int generation;
        int records;
        int opened;
        int failed;
        long applicationBytes;

        Reader(String sender) {
            this.sender = sender;
        }

        void use(RecordCipher next, String name) {
            cipher = next;
            epoch = name;
            early = null;
            fallback = null;
        }

        void useEarly(List<RecordCipher> candidates) {
            if (!candidates.isEmpty()) {
                cipher = null;
                early = candidates;
                epoch = "early data";
            }
        }

        Decrypted open(TlsRecord record) {
            records++;
            if (early != null) {
                Decrypted d = openEarly(record);
                if (d != null) {
                    return d;
                }
            }
            if (cipher == null) {
                return Decrypted.OPAQUE;
            }
            return result(cipher.open(record.header().contentType(), record.header().version(), record.fragment()), record);
        }

        /** Null when no early cipher opens it: the record is then the client's handshake under its handshake keys. */
        private Decrypted openEarly(TlsRecord record) {
            for (RecordCipher candidate : early) {
                Opening o = candidate.open(record.header().contentType(), record.header().version(), record.fragment());
                if (o instanceof Opening.Opened) {
                    early = List.of(candidate);
                    keySource = keySource == null ? "key log (" + CLIENT_EARLY + ")" : keySource;
                    return result(o, record);
                }
            }
            if (early.size() == 1 && fallback == null) {
                return result(new Opening.Failed("AEAD tag mismatch"), record);
            }
            RecordCipher next = fallback;
            use(next, "handshake");
            return null;
        }

        private Decrypted result(Opening o, TlsRecord record) {
            return switch (o) {
                case Opening.Opened p -> {
                    Slice plaintext = deflate == null ? p.plaintext() : deflate.inflate(p.plaintext());
                    if (plaintext == null) {
                        yield result(new Opening.Failed("DEFLATE decompression failed"), record);
                    }
                    opened++;
                    if (p.contentType() == ContentType.APPLICATION_DATA) {
                        applicationBytes += plaintext.length();
                    }
                    yield new Decrypted.Opened(p.contentType(), plaintext);
                }
                case Opening.Failed f -> {
                    failed++;
                    if (firstFailure == null) {
                        firstFailure = f.reason() + " at " + sender + " record " + records + " (frame " + record.frame()
                                + ", " + epoch + " keys)";
                    }
                    yield new Decrypted.Failed(f.reason());
                }
            };
        }
    }
}
