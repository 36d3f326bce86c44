package org.tlsscope.decrypt.cipher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.tlsscope.bytes.Slice;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.tcp.Direction;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.connection.TlsListener;
import org.tlsscope.tls.registry.CipherSuite;

/**
 * Test driver: replays each connection of a capture through this package with the secrets of an NSS key
 * log, the way a connection decryptor would: it follows the hellos, derives the keys, switches each
 * direction to protected records at its ChangeCipherSpec (TLS 1.3: at the ServerHello and the
 * Finished messages), opens every protected record, and checks every Finished against the transcript.
 * Deliberately minimal (no renegotiation, no 0-RTT): it exists to exercise the cipher package on real
 * sessions.
 */
final class SessionReplay {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] HRR_RANDOM = HEX.parseHex(
            "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

    /** What replaying one connection gave. */
    static final class Connection {
        String suite = "";
        int version;
        String unsupported;
        boolean encryptThenMac;
        boolean extendedMasterSecret;
        /** The key log has no secret for this connection's client random. */
        boolean keyMissing;
        int opened;
        int finishedVerified;
        /** The ClientKeyExchange and the session_hash just after it (RFC 7627 section 3). */
        Slice clientKeyExchange;
        byte[] sessionHash;
        byte[] clientRandom;
        byte[] serverRandom;
        CipherSpec spec;
        final List<String> failures = new ArrayList<>();
        final Map<Direction, ByteArrayOutputStream> applicationData = new EnumMap<>(Direction.class);

        String applicationData(Direction d) {
            ByteArrayOutputStream out = applicationData.get(d);
            return out == null ? "" : out.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return suite + " 0x" + Integer.toHexString(version) + (unsupported != null ? " unsupported: " + unsupported
                    : " opened " + opened + ", Finished verified " + finishedVerified + ", failures " + failures);
        }
    }

    private record Rec(Direction direction, int type, int version, Slice fragment) {
    }

    /** Key log lines: label, client random, secret. */
    static Map<String, byte[]> keyLog(Path file) throws IOException {
        Map<String, byte[]> secrets = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 3 && !f[0].startsWith("#")) {
                secrets.put(f[0] + " " + f[1].toLowerCase(), HEX.parseHex(f[2].toLowerCase()));
            }
        }
        return secrets;
    }

    static List<Connection> replay(Path capture, Path keyLog) throws IOException {
        return replay(capture, keyLog, false);
    }

    /** @param wrongSecrets flip a bit of every secret from the key log, as a wrong key log would give */
    static List<Connection> replay(Path capture, Path keyLog, boolean wrongSecrets) throws IOException {
        Map<String, byte[]> secrets = keyLog(keyLog);
        if (wrongSecrets) {
            secrets.values().forEach(s -> s[s.length - 1] ^= 1);
        }
        Map<Integer, List<Rec>> byConnection = new LinkedHashMap<>();
        try (CaptureReader reader = Captures.open(capture)) {
            Analyzer.run(reader, new TlsListener() {
                @Override
                public boolean wantsApplicationData() {
                    return true;
                }

                @Override
                public void onRecord(RecordEvent e) {
                    if (e.record().bytes() == null || e.record().sslv2()) {
                        return;
                    }
                    byConnection.computeIfAbsent(e.connection().id(), k -> new ArrayList<>())
                            .add(new Rec(e.direction(), e.record().header().contentType(), e.record().header().version(),
                                    Slice.of(e.record().fragment().toArray())));
                }
            });
        }
        List<Connection> out = new ArrayList<>();
        for (List<Rec> records : byConnection.values()) {
            out.add(new Replayer(secrets).run(records));
        }
        return out;
    }

    private static final class Replayer {
        private final Map<String, byte[]> secrets;
        private final Connection c = new Connection();
        private final Transcript transcript = new Transcript();
        private final Map<Direction, RecordCipher> ciphers = new EnumMap<>(Direction.class);
        private final Map<Direction, ByteArrayOutputStream> handshake = new EnumMap<>(Direction.class);
        private final Map<Direction, byte[]> tls13Secret = new EnumMap<>(Direction.class);
        private final Map<Direction, Boolean> finished = new EnumMap<>(Direction.class);
        /** RFC 3749 DEFLATE: one zlib stream per direction, from its first protected record on. */
        private final Map<Direction, Inflater> inflaters = new EnumMap<>(Direction.class);
        private boolean deflate;
        private CipherSpec spec;
        private String clientRandom;
        private byte[] clientRandomBytes;
        private byte[] serverRandom;
        private byte[] masterSecret;
        private boolean stop;

        Replayer(Map<String, byte[]> secrets) {
            this.secrets = secrets;
        }

        Connection run(List<Rec> records) {
            for (Rec r : records) {
                if (stop) {
                    break;
                }
                record(r);
            }
            return c;
        }

        private void record(Rec r) {
            Direction d = r.direction();
            if (r.type() == 20) {
                if (c.version < CipherSpec.TLS13 && spec != null) {
                    startTls12Cipher(d);
                }
                return;
            }
            RecordCipher cipher = ciphers.get(d);
            int type = r.type();
            Slice data = r.fragment();
            if (cipher != null) {
                Opening o = cipher.open(r.type(), r.version(), r.fragment());
                if (o instanceof Opening.Failed(String reason)) {
                    c.failures.add(d.sender() + " record: " + reason);
                    stop = true;
                    return;
                }
                Opening.Opened opened = (Opening.Opened) o;
                c.opened++;
                type = opened.contentType();
                data = deflate ? inflate(d, opened.plaintext()) : opened.plaintext();
                if (data == null) {
                    c.failures.add(d.sender() + " record: bad DEFLATE data");
                    stop = true;
                    return;
                }
            }
            if (type == 22) {
                handshakeBytes(d, data);
            } else if (type == 23) {
                c.applicationData.computeIfAbsent(d, k -> new ByteArrayOutputStream()).writeBytes(data.toArray());
            }
        }

        private Slice inflate(Direction d, Slice compressed) {
            Inflater inflater = inflaters.computeIfAbsent(d, k -> new Inflater());
            inflater.setInput(compressed.toArray());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 14];
            try {
                for (int n; (n = inflater.inflate(buf)) > 0; ) {
                    out.write(buf, 0, n);
                }
            } catch (DataFormatException e) {
                return null;
            }
            return Slice.of(out.toByteArray());
        }

        private void handshakeBytes(Direction d, Slice data) {
            ByteArrayOutputStream buf = handshake.computeIfAbsent(d, k -> new ByteArrayOutputStream());
            buf.writeBytes(data.toArray());
            byte[] all = buf.toByteArray();
            int at = 0;
            while (!stop && all.length - at >= 4) {
                int length = (all[at + 1] & 0xff) << 16 | (all[at + 2] & 0xff) << 8 | (all[at + 3] & 0xff);
                if (all.length - at - 4 < length) {
                    break;
                }
                message(d, Slice.of(Arrays.copyOfRange(all, at, at + 4 + length)));
                at += 4 + length;
            }
            buf.reset();
            buf.write(all, at, all.length - at);
        }

        private void message(Direction d, Slice m) {
            int type = m.u8(0);
            switch (type) {
                case 1 -> {
                    clientRandomBytes = m.slice(6, 32).toArray();
                    clientRandom = HEX.formatHex(clientRandomBytes);
                    transcript.add(m);
                }
                case 2 -> serverHello(m);
                case 16 -> {
                    transcript.add(m);
                    c.clientKeyExchange = m;
                    c.sessionHash = transcript.sessionHash(spec, c.version);
                }
                case 20 -> finished(d, m);
                case 24 -> keyUpdate(d);
                default -> {
                    // TLS 1.3 post-handshake messages (NewSessionTicket, ..) are outside the transcript.
                    if (c.version != CipherSpec.TLS13 || !finished.getOrDefault(Direction.CLIENT_TO_SERVER, false)) {
                        transcript.add(m);
                    }
                }
            }
        }

        private void serverHello(Slice m) {
            serverRandom = m.slice(6, 32).toArray();
            if (Arrays.equals(serverRandom, HRR_RANDOM)) {
                transcript.restartForHelloRetryRequest();
                transcript.add(m);
                return;
            }
            int at = 38;
            at += 1 + m.u8(at);
            int suite = m.u16(at);
            at += 2;
            deflate = m.u8(at++) == 1;
            int version = m.u16(4);
            if (at + 2 <= m.length()) {
                int end = at + 2 + m.u16(at);
                for (at += 2; at + 4 <= end; at += 4 + m.u16(at + 2)) {
                    switch (m.u16(at)) {
                        case 0x002b -> version = m.u16(at + 4);
                        case 0x0016 -> c.encryptThenMac = true;
                        case 0x0017 -> c.extendedMasterSecret = true;
                        default -> {
                        }
                    }
                }
            }
            c.version = version;
            c.suite = CipherSuite.of(suite).name();
            transcript.add(m);
            switch (CipherSpec.resolve(suite, version)) {
                case CipherSpec.Unsupported(String reason) -> {
                    c.unsupported = reason;
                    stop = true;
                }
                case CipherSpec.Supported(CipherSpec s) -> spec = s;
            }
            c.spec = spec;
            c.clientRandom = clientRandomBytes;
            c.serverRandom = serverRandom;
            if (spec != null && version == CipherSpec.TLS13) {
                tls13Keys(Direction.SERVER_TO_CLIENT, "SERVER_HANDSHAKE_TRAFFIC_SECRET");
                tls13Keys(Direction.CLIENT_TO_SERVER, "CLIENT_HANDSHAKE_TRAFFIC_SECRET");
            }
        }

        private byte[] secret(String label) {
            byte[] s = secrets.get(label + " " + clientRandom);
            if (s == null) {
                c.keyMissing = true;
                stop = true;
            }
            return s;
        }

        private void tls13Keys(Direction d, String label) {
            byte[] s = secret(label);
            if (s != null) {
                setTls13Secret(d, s);
            }
        }

        private void setTls13Secret(Direction d, byte[] s) {
            tls13Secret.put(d, s);
            ciphers.put(d, RecordCiphers.create(spec, CipherSpec.TLS13, Tls13KeySchedule.trafficKeys(spec, s), false));
        }

        private void keyUpdate(Direction d) {
            setTls13Secret(d, Tls13KeySchedule.nextTrafficSecret(spec, tls13Secret.get(d)));
        }

        private void startTls12Cipher(Direction d) {
            if (masterSecret == null) {
                masterSecret = secret("CLIENT_RANDOM");
                if (masterSecret == null) {
                    return;
                }
            }
            KeyBlock kb = Tls12KeySchedule.keyBlock(spec, c.version, masterSecret, clientRandomBytes, serverRandom);
            TrafficKeys keys = d == Direction.CLIENT_TO_SERVER ? kb.client() : kb.server();
            ciphers.put(d, RecordCiphers.create(spec, c.version, keys, c.encryptThenMac));
        }

        private void finished(Direction d, Slice m) {
            boolean client = d == Direction.CLIENT_TO_SERVER;
            byte[] expected = c.version == CipherSpec.TLS13
                    ? Tls13KeySchedule.verifyData(spec, tls13Secret.get(d), transcript)
                    : Tls12KeySchedule.verifyData(spec, c.version, masterSecret, client, transcript);
            if (Arrays.equals(expected, m.from(4).toArray())) {
                c.finishedVerified++;
            } else {
                c.failures.add(d.sender() + " Finished: verify_data " + m.from(4).hex() + ", computed " + HEX.formatHex(expected));
            }
            transcript.add(m);
            finished.put(d, true);
            if (c.version == CipherSpec.TLS13) {
                tls13Keys(d, client ? "CLIENT_TRAFFIC_SECRET_0" : "SERVER_TRAFFIC_SECRET_0");
            }
        }
    }
}
