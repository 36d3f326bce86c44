package org.tlsscope.tls.connection;

import java.util.ArrayList;
import java.util.List;
import org.tlsscope.analysis.Finding;
import org.tlsscope.analysis.Severity;
import org.tlsscope.bytes.DecodeException;
import org.tlsscope.bytes.Field;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;
import org.tlsscope.net.TcpSegment;
import org.tlsscope.tcp.Direction;
import org.tlsscope.tcp.StreamHandler;
import org.tlsscope.tcp.TcpConnection;
import org.tlsscope.tls.handshake.ClientHello;
import org.tlsscope.tls.handshake.DissectionContext;
import org.tlsscope.tls.handshake.HandshakeAssembler;
import org.tlsscope.tls.handshake.HandshakeParser;
import org.tlsscope.tls.handshake.HandshakeType;
import org.tlsscope.tls.handshake.ParsedMessage;
import org.tlsscope.tls.handshake.RawMessage;
import org.tlsscope.tls.handshake.ServerHello;
import org.tlsscope.tls.handshake.ServerKeyExchange;
import org.tlsscope.tls.handshake.Sslv2ClientHello;
import org.tlsscope.tls.record.Alert;
import org.tlsscope.tls.record.ContentType;
import org.tlsscope.tls.record.Heartbeat;
import org.tlsscope.tls.record.RecordFramer;
import org.tlsscope.tls.record.RecordHeader;
import org.tlsscope.tls.record.TlsRecord;
import org.tlsscope.tls.registry.CipherSuite;
import org.tlsscope.tls.registry.Registries;

/**
 * The TLS layer for one TCP connection: frames both directions into records and handshake messages,
 * follows the handshake far enough to know what is encrypted, numbers the flights, and reports records,
 * findings and, at the end, a {@link ConnectionReport}.
 *
 * <p>State is per connection and bounded: framing buffers hold at most one record, the handshake
 * assembler one message (capped), and the lists kept for the report are capped too.
 */
public final class TlsConnection implements StreamHandler {
    private static final int MAX_MESSAGES = 512;
    private static final int MAX_ALERTS = 64;

    private final TcpConnection tcp;
    private final TlsListener listener;
    private final RecordDecryptor decryptor;
    private final boolean keepApplicationData;
    private final boolean withFields;
    private final boolean withRecords;
    private final HandshakeState state = new HandshakeState();
    private Side client = new Side(Direction.CLIENT_TO_SERVER);
    private Side server = new Side(Direction.SERVER_TO_CLIENT);
    private boolean tls;
    private int recordCount;
    private int flight;
    private Direction flightSender;
    private long lastFrame;
    private TcpSegment currentSegment;
    private final List<ConnectionReport.MessageSeen> messages = new ArrayList<>();
    private final List<ConnectionReport.AlertSeen> alerts = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private int findingsDropped;
    private int encryptedHandshakeRecords;
    private long clientAppBytes;
    private long serverAppBytes;
    private ClientHello firstClientHello;
    private ServerHello firstServerHello;
    private ServerKeyExchange firstServerKeyExchange;
    private List<Slice> serverCertificates = List.of();
    private long certificateFrame;
    private long certificateTimeNanos;

    public TlsConnection(TcpConnection tcp, TlsListener listener) {
        this(tcp, listener, null);
    }

    /** @param decryptor opens protected records, or null when no keys were given */
    public TlsConnection(TcpConnection tcp, TlsListener listener, RecordDecryptor decryptor) {
        this.tcp = tcp;
        this.listener = listener;
        this.decryptor = decryptor;
        // Decryption reads every protected record: CBC chains and RC4 streams run through all of them.
        this.keepApplicationData = listener.wantsApplicationData() || decryptor != null;
        this.withFields = listener.wantsFields();
        this.withRecords = listener.wantsRecords();
        this.lastFrame = tcp.firstFrame();
    }

    /** Whether TLS was recognized on this connection. */
    public boolean isTls() {
        return tls;
    }

    @Override
    public void onData(Direction direction, Slice data, TcpSegment segment) {
        long frame = segment.frame().number();
        lastFrame = frame;
        currentSegment = segment;
        Side side = side(direction);
        if (side.framer != null) {
            side.framer.feed(data, frame);
            return;
        }
        if (side.gaveUp) {
            return;
        }
        // Detection looks at the bytes seen so far plus a short tail of the previous segment, so a record
        // header cut by a segment boundary is still found.
        Slice bytes = side.tail.isEmpty() ? data : concat(side.tail, data);
        int start = detect(side, bytes);
        if (start == TlsDetector.NOT_FOUND) {
            side.inspected += data.length();
            side.gaveUp = side.inspected > TlsDetector.BUDGET;
            boolean stillAtStart = side.atStreamStart && bytes.length() < RecordHeader.SIZE;
            int keep = stillAtStart ? bytes.length() : Math.min(bytes.length(), TlsDetector.OVERLAP);
            side.atStreamStart = stillAtStart;
            side.tail = Slice.of(bytes.slice(bytes.length() - keep, keep).toArray());
            return;
        }
        side.tail = Slice.EMPTY;
        tls = true;
        side.framer = new RecordFramer(side, keepApplicationData, side == client, true);
        if (side == server && client.sslv2Hello) {
            side.framer.allowSslv2Reply();
        }
        side.framer.feed(bytes.from(start), frame);
    }

    private int detect(Side side, Slice data) {
        if (side.atStreamStart && (tcp.sawSyn() || tls) && TlsDetector.startsWithRecord(data)) {
            return 0;
        }
        int hello = TlsDetector.findHello(data);
        if (hello != TlsDetector.NOT_FOUND || (tcp.sawSyn() && !tls)) {
            return hello;
        }
        return TlsDetector.findRecordBoundary(data);
    }

    /** The messages a record carried, by name, for its label: "ServerHello, Certificate". */
    private static String names(List<ParsedMessage> parsed) {
        StringBuilder sb = new StringBuilder();
        for (ParsedMessage m : parsed) {
            sb.append(sb.isEmpty() ? "" : ", ").append(m.name());
        }
        return sb.toString();
    }

    private static Slice concat(Slice a, Slice b) {
        byte[] joined = new byte[a.length() + b.length()];
        a.copyTo(joined, 0);
        b.copyTo(joined, a.length());
        return Slice.of(joined);
    }

    @Override
    public void onGap(Direction direction, long missing, long frame) {
        Side side = side(direction);
        if (side.framer == null) {
            side.inspected += missing;
            side.atStreamStart = false;
            side.tail = Slice.EMPTY;
            return;
        }
        side.lostBytes = true;
        side.framer.gap(missing, frame);
        if (side.assembler.inMessage()) {
            side.assembler.reset();
        }
    }

    @Override
    public void onEnd(EndReason reason, long frame) {
        client.end(frame);
        server.end(frame);
        if (!tls) {
            return;
        }
        listener.onConnectionEnd(new ConnectionReport(tcp, lastFrame, state.version(), state.cipherSuite, state.sni,
                state.alpn, List.copyOf(state.offeredAlpn), inWireOrder(messages), encryptedHandshakeRecords,
                List.copyOf(alerts), state.resumed(), established(), clientAppBytes, serverAppBytes,
                decryptor == null ? null : decryptor.status(), List.copyOf(findings), findingsDropped,
                firstClientHello, firstServerHello, serverCertificates, firstServerKeyExchange, certificateFrame,
                certificateTimeNanos));
    }

    /**
     * The messages in the order their frames were captured. Each direction's are in stream order as they
     * came; but bytes held behind a segment the capture lost reach us only once the hole is declared lost,
     * after the peer's later messages, so the two directions are merged back by frame.
     */
    private static List<ConnectionReport.MessageSeen> inWireOrder(List<ConnectionReport.MessageSeen> messages) {
        List<ConnectionReport.MessageSeen> fromClient = new ArrayList<>(messages.size());
        List<ConnectionReport.MessageSeen> fromServer = new ArrayList<>(messages.size());
        for (ConnectionReport.MessageSeen m : messages) {
            (m.from().equals("client") ? fromClient : fromServer).add(m);
        }
        List<ConnectionReport.MessageSeen> merged = new ArrayList<>(messages.size());
        int c = 0;
        int s = 0;
        while (c < fromClient.size() || s < fromServer.size()) {
            boolean client = s == fromServer.size()
                    || c < fromClient.size() && fromClient.get(c).frame() <= fromServer.get(s).frame();
            merged.add(client ? fromClient.get(c++) : fromServer.get(s++));
        }
        return List.copyOf(merged);
    }

    /** Reports a TCP-layer problem (buffer bound hit) as a finding of this connection. */
    public void tcpProblem(String code, long frame, String message) {
        finding(code, Severity.WARNING, frame, -1, message, null);
    }

    /**
     * Without the SYN the reassembler guessed the roles from the ports; a ClientHello from the "server"
     * side proves the guess wrong (a client on a low port, a server on a high one).
     */
    private void swapRoles() {
        tcp.swapRoles();
        Side wasClient = client;
        client = server;
        server = wasClient;
        client.direction = Direction.CLIENT_TO_SERVER;
        server.direction = Direction.SERVER_TO_CLIENT;
    }

    private boolean established() {
        return client.finished && server.finished;
    }

    private Side side(Direction direction) {
        return direction == Direction.CLIENT_TO_SERVER ? client : server;
    }

    // ---- records ---------------------------------------------------------------------------

    private void onRecord(Side side, TlsRecord record) {
        recordCount++;
        boolean wasEstablished = established();
        RecordHeader h = record.header();
        List<Field> fields = new ArrayList<>();
        List<ParsedMessage> parsed = new ArrayList<>();
        boolean encrypted = false;
        boolean applicationData = false;
        boolean handshake = false;
        Decrypted.Opened opening = null;
        String label;
        if (record.sslv2()) {
            label = sslv2Record(side, record, parsed);
        } else {
            if (withFields) {
                fields.add(Field.leaf("content_type", 0, 1, h.contentType(), Registries.CONTENT_TYPES.name(h.contentType())));
                fields.add(Field.leaf("legacy_record_version", 1, 2, h.version(), Registries.PROTOCOL_VERSIONS.name(h.version())));
                fields.add(Field.leaf("length", 3, 2, h.length(), h.length() + " bytes"));
            }
            checkLength(side, record);
            int type = h.contentType();
            Slice body = record.fragment();
            int mac = macLength(side);
            if (isProtected(side, record) && decryptor.open(side.direction, record) instanceof Decrypted.Opened o) {
                opening = o;
                type = o.contentType();
                body = o.plaintext();
                mac = 0;
            }
            boolean opened = opening != null;
            switch (type) {
                case ContentType.HANDSHAKE -> {
                    handshake = true;
                    if (side.ccs && !state.tls13() && retriedClientHello(side, record)) {
                        side.ccs = false;
                        mac = 0;
                    }
                    if (mac < 0 || body.length() < mac) {
                        encrypted = true;
                        encryptedHandshakeRecords++;
                        label = side.finished ? "encrypted handshake message" : "encrypted handshake message (finished)";
                        side.finished = true;
                    } else {
                        Slice content = body.slice(0, body.length() - mac);
                        int base = opened ? 0 : RecordHeader.SIZE;
                        for (RawMessage raw : side.assembler.feed(content, base)) {
                            parsed.add(onMessage(side, raw, record));
                        }
                        side.reportTooLarge();
                        label = null; // named after the messages it completes, below, if a view asks
                    }
                }
                case ContentType.CHANGE_CIPHER_SPEC -> {
                    encrypted = mac < 0;
                    label = changeCipherSpec(side, record, body, mac, fields, opened);
                }
                case ContentType.ALERT -> {
                    encrypted = mac < 0 || body.length() != 2 + mac;
                    label = alert(side, record, body, fields, encrypted, opened);
                }
                case ContentType.HEARTBEAT -> {
                    encrypted = !opened && side.ccs && !state.tls13();
                    label = encrypted ? "encrypted heartbeat" : heartbeat(record, body, fields, opened);
                }
                default -> {
                    encrypted = !opened;
                    // TLS 1.3 (RFC 8446 section 5): after the ServerHello every handshake record travels as
                    // application_data. Without keys, the server's records up to the client's first encrypted
                    // record are its handshake flight, and that client record carries the client's Finished.
                    if (!opened && state.tls13() && !client.sentEncrypted13) {
                        encryptedHandshakeRecords++;
                        side.sentEncrypted13 = true;
                        if (side == client) {
                            label = "encrypted handshake message (finished)";
                            client.finished = true;
                            server.finished = server.sentEncrypted13;
                        } else {
                            label = "encrypted handshake message";
                        }
                    } else {
                        applicationData = true;
                        label = opened ? "application data (" + body.length() + " bytes decrypted)" : "application data";
                        if (side == client) {
                            clientAppBytes += h.length();
                        } else {
                            serverAppBytes += h.length();
                        }
                    }
                }
            }
        }
        int recordFlight = 0;
        if (!applicationData && (!wasEstablished || handshake && !encrypted)) {
            if (flightSender != side.direction) {
                flight++;
                flightSender = side.direction;
            }
            recordFlight = flight;
        }
        if (!withRecords) {
            return;
        }
        if (label == null) {
            label = parsed.isEmpty() ? "handshake fragment" : names(parsed);
        }
        listener.onRecord(new RecordEvent(tcp, side.direction, recordCount, recordFlight, record, encrypted,
                opening, withFields ? List.copyOf(fields) : List.of(), List.copyOf(parsed), label, currentSegment));
    }

    /**
     * Whether a record is protected under the sender's current keys and the decryptor should open it: after
     * the sender's change_cipher_spec up to TLS 1.2; in TLS 1.3 every application_data record, the
     * handshake's included (RFC 8446 section 5).
     */
    private boolean isProtected(Side side, TlsRecord record) {
        return decryptor != null && record.fragment() != null
                && (side.ccs && !state.tls13() || record.header().contentType() == ContentType.APPLICATION_DATA);
    }

    /**
     * A client that answers a HelloRetryRequest sends its middlebox-compatibility change_cipher_spec and
     * then its second ClientHello in plaintext (RFC 8446 section 4.1.2, appendix D.4). When the capture
     * missed the server's side, the version is unknown and that CCS looks like a TLS 1.2 key change; but a
     * client that has seen no ServerHello cannot have changed keys, and ciphertext would only by chance
     * hold a client_hello header whose length fills the record exactly.
     */
    private boolean retriedClientHello(Side side, TlsRecord record) {
        Slice fragment = record.fragment();
        return side == client && !state.serverHelloSeen() && fragment.length() >= 4
                && fragment.u8(0) == HandshakeType.CLIENT_HELLO
                && fragment.u24(1) == fragment.length() - 4;
    }

    private String sslv2Record(Side side, TlsRecord record, List<ParsedMessage> parsed) {
        if (side != client || client.sslv2Hello) {
            return "SSL 2.0 record";
        }
        client.sslv2Hello = true;
        ParsedMessage m = HandshakeParser.parseSslv2(record.bytes(), withFields);
        parsed.add(m);
        if (m.malformed()) {
            malformed(record, m, 0);
        } else {
            state.clientHello((Sslv2ClientHello) m.message());
            seen(side, "client_hello", record.frame());
            if (decryptor != null) {
                decryptor.onHandshake(side.direction, m, 0, -1);
            }
        }
        return "client_hello (SSL 2.0 format)";
    }

    /**
     * How many bytes of MAC end a record of this side's: 0 before its change_cipher_spec (and in TLS 1.3,
     * whose protected records are application_data); after it, the MAC length if the suite's bulk cipher
     * is NULL, whose records are the plaintext followed by the MAC (RFC 5246 section 6.2.3.1); -1 when
     * the records are encrypted.
     */
    private int macLength(Side side) {
        if (!side.ccs || state.tls13()) {
            return 0;
        }
        return state.cipherSuite < 0 ? -1 : CipherSuite.of(state.cipherSuite).nullCipherMacLength();
    }

    private void checkLength(Side side, TlsRecord record) {
        RecordHeader h = record.header();
        boolean plaintext = !(side.ccs && !state.tls13()) && h.contentType() != ContentType.APPLICATION_DATA;
        if (plaintext && h.length() > RecordHeader.MAX_PLAINTEXT) {
            finding("tls.record.overflow", Severity.ERROR, record.frame(), record.streamOffset(),
                    "plaintext " + Registries.CONTENT_TYPES.name(h.contentType()) + " record of " + h.length()
                            + " bytes exceeds 2^14 (a peer would send record_overflow)", "RFC 8446 section 5.1");
        }
        if (h.length() == 0 && h.contentType() != ContentType.APPLICATION_DATA) {
            finding("tls.record.empty", Severity.WARNING, record.frame(), record.streamOffset(),
                    "zero-length " + Registries.CONTENT_TYPES.name(h.contentType()) + " record", "RFC 8446 section 5.1");
        }
    }

    private ParsedMessage onMessage(Side side, RawMessage raw, TlsRecord record) {
        // Without the ServerHello (a capture that missed the server's side), the record layer's version is the
        // best evidence of the negotiated one: after the hellos it is that version (RFC 5246 appendix E.1).
        int version = state.version() != 0 ? state.version() : record.header().version();
        DissectionContext context = new DissectionContext(version, state.cipherSuite);
        // A message the report keeps is parsed from its own copy once, not parsed and then re-read (below).
        boolean kept = !withFields && keptForReport(raw.type());
        ParsedMessage m = HandshakeParser.parse(kept ? detachedRaw(raw) : raw, context, withFields);
        if (m.malformed()) {
            malformed(record, m, raw.recordOffset());
            seen(side, m.name(), record.frame());
            return m;
        }
        switch (m.message()) {
            case ClientHello ch -> {
                if (side == server && !tcp.sawSyn() && messages.isEmpty()) {
                    swapRoles();
                }
                state.clientHello(ch);
            }
            case ServerHello sh -> state.serverHello(sh);
            case org.tlsscope.tls.handshake.EncryptedExtensions ee -> state.encryptedExtensions(ee);
            case org.tlsscope.tls.handshake.Certificate c -> state.serverCertificate(side.direction);
            case org.tlsscope.tls.handshake.Finished f -> side.finished = true;
            default -> {
            }
        }
        keepForReport(side, m, context);
        seen(side, m.name(), record.frame());
        if (decryptor != null) {
            decryptor.onHandshake(side.direction, m, state.version(), state.cipherSuite);
        }
        return m;
    }

    /**
     * Keeps what the report's fingerprints are taken from: the first ClientHello and ServerHello (the
     * HelloRetryRequest, if any), re-read from copies of their own bytes so that the report holds a few
     * hundred bytes rather than the capture buffers their slices point into, and the DER of the server's
     * first readable certificate chain, copied, with the frame and time that carried it.
     */
    private void keepForReport(Side side, ParsedMessage m, DissectionContext context) {
        switch (m.message()) {
            case ClientHello _ when firstClientHello == null -> firstClientHello = (ClientHello) detached(m, context);
            case ServerHello _ when firstServerHello == null -> firstServerHello = (ServerHello) detached(m, context);
            case org.tlsscope.tls.handshake.Certificate c when side == server && serverCertificates.isEmpty() -> {
                List<Slice> chain = new ArrayList<>(c.certificateList().size());
                for (var entry : c.certificateList()) {
                    chain.add(Slice.of(entry.certData().toArray()));
                }
                serverCertificates = List.copyOf(chain);
                // The segment being fed completed the message: its time is when the chain was presented.
                certificateFrame = currentSegment.frame().number();
                certificateTimeNanos = currentSegment.frame().timestampNanos();
            }
            case ServerKeyExchange _ when firstServerKeyExchange == null ->
                    firstServerKeyExchange = (ServerKeyExchange) detached(m, context);
            default -> {
            }
        }
    }

    private boolean keptForReport(int type) {
        return switch (type) {
            case HandshakeType.CLIENT_HELLO -> firstClientHello == null;
            case HandshakeType.SERVER_HELLO -> firstServerHello == null;
            case HandshakeType.SERVER_KEY_EXCHANGE -> firstServerKeyExchange == null;
            default -> false;
        };
    }

    /**
     * The message over bytes of its own. Without field trees {@link #onMessage} parsed every message kept
     * here from a copy already; with them, the message the view received is read again, quietly, from one.
     */
    private org.tlsscope.tls.handshake.HandshakeMessage detached(ParsedMessage m, DissectionContext context) {
        return withFields ? HandshakeParser.parse(detachedRaw(m.raw()), context, false).message() : m.message();
    }

    /** The message over a copy of its bytes: the framer reuses the buffer a reassembled message points into. */
    private static RawMessage detachedRaw(RawMessage raw) {
        return new RawMessage(raw.type(), Slice.of(raw.bytes().toArray()), raw.recordOffset(), raw.recordsSpanned());
    }

    private void malformed(TlsRecord record, ParsedMessage m, int messageOffset) {
        DecodeException e = m.error();
        String where = messageOffset >= 0 ? "record offset " + (messageOffset + e.offset()) : "message offset " + e.offset();
        finding("tls.handshake.malformed", Severity.ERROR, record.frame(), record.streamOffset(),
                Registries.HANDSHAKE_TYPES.name(m.raw().type()) + " malformed at " + where + ": " + e.reason()
                        + " (a peer would send " + e.alert() + ")", "RFC 8446 section 6.2");
    }

    private String changeCipherSpec(Side side, TlsRecord record, Slice body, int mac, List<Field> fields, boolean opened) {
        // A renegotiation's CCS travels under the keys the previous one switched to: its body is
        // ciphertext, readable once decrypted or behind a NULL cipher's MAC.
        if (mac >= 0 && body.length() >= mac) {
            FieldReader r = fragmentReader(body.slice(0, body.length() - mac), opened);
            try {
                r.u8("type", v -> v == 1 ? "change_cipher_spec" : "invalid (" + v + ")");
                r.expectEnd("change_cipher_spec");
            } catch (DecodeException e) {
                finding("tls.ccs.malformed", Severity.ERROR, record.frame(), record.streamOffset() + e.offset(),
                        "change_cipher_spec: " + e.reason(), "RFC 5246 section 7.1");
            }
            fields.addAll(r.fields());
        }
        // RFC 8446 appendix D.4: in TLS 1.3 the CCS is a middlebox-compatibility no-op, not a key change.
        if (!state.tls13()) {
            side.ccs = true;
            state.changeCipherSpec(side.direction);
            if (decryptor != null) {
                decryptor.onChangeCipherSpec(side.direction);
            }
        }
        seen(side, "change_cipher_spec", record.frame());
        return "change_cipher_spec";
    }

    private String alert(Side side, TlsRecord record, Slice body, List<Field> fields, boolean encrypted, boolean opened) {
        side.alerted = true;
        if (encrypted) {
            addAlert(new ConnectionReport.AlertSeen(side.direction.sender(), null, null, record.frame()));
            return "encrypted alert";
        }
        FieldReader r = fragmentReader(body.slice(0, 2), opened);
        Alert a = Alert.parse(r);
        fields.addAll(r.fields());
        addAlert(new ConnectionReport.AlertSeen(side.direction.sender(), a.level(), a.description(), record.frame()));
        if (a.level() == 2) {
            finding("tls.alert.fatal", Severity.ERROR, record.frame(), record.streamOffset(), side.direction.sender()
                    + " sent fatal alert " + a.descriptionName(), "RFC 8446 section 6.2");
        }
        return "alert " + a.levelName() + " " + a.descriptionName();
    }

    private String heartbeat(TlsRecord record, Slice body, List<Field> fields, boolean opened) {
        FieldReader r = fragmentReader(body, opened);
        try {
            Heartbeat hb = Heartbeat.parse(r);
            if (hb.overclaims()) {
                finding("tls.heartbeat.overclaim", Severity.ERROR, record.frame(), record.streamOffset(),
                        "heartbeat claims a " + hb.payloadLength() + "-byte payload but carries " + hb.available()
                                + " bytes (Heartbleed pattern)", "RFC 6520 section 4, CVE-2014-0160");
            }
            fields.addAll(r.fields());
            return "heartbeat " + Registries.HEARTBEAT_MESSAGE_TYPES.name(hb.type());
        } catch (DecodeException e) {
            fields.addAll(r.fields());
            finding("tls.heartbeat.malformed", Severity.ERROR, record.frame(), record.streamOffset(),
                    "heartbeat: " + e.reason(), "RFC 6520 section 4");
            return "heartbeat (malformed)";
        }
    }

    /**
     * A reader over (part of) a record's fragment, recording fields only for views that show them. Offsets
     * count from the record's first byte; in a decrypted record, from the plaintext's.
     */
    private FieldReader fragmentReader(Slice fragment, boolean opened) {
        int base = opened ? 0 : RecordHeader.SIZE;
        return withFields ? new FieldReader(fragment, base) : FieldReader.quiet(fragment, base);
    }

    private void seen(Side side, String type, long frame) {
        if (messages.size() < MAX_MESSAGES) {
            messages.add(new ConnectionReport.MessageSeen(side.direction.sender(), type, frame));
        }
    }

    private void addAlert(ConnectionReport.AlertSeen alert) {
        if (alerts.size() < MAX_ALERTS) {
            alerts.add(alert);
        }
    }

    void finding(String code, Severity severity, long frame, long offset, String message, String reference) {
        Finding f = new Finding(code, severity, tcp.id(), frame, offset, message, reference);
        if (findings.size() < ConnectionReport.MAX_FINDINGS) {
            findings.add(f);
        } else {
            findingsDropped++;
        }
        listener.onFinding(f);
    }

    private static Severity severityOf(String code) {
        return switch (code) {
            case "tls.resync" -> Severity.INFO;
            case "tls.record.malformed", "tls.resync.failed" -> Severity.ERROR;
            default -> Severity.WARNING;
        };
    }

    /** One direction: its framer (once TLS is recognized), its handshake assembler and its progress. */
    private final class Side implements RecordFramer.Sink, HandshakeAssembler.Overflow {
        Direction direction;
        final HandshakeAssembler assembler;
        RecordFramer framer;
        long inspected;
        boolean gaveUp;
        boolean atStreamStart = true;
        Slice tail = Slice.EMPTY;
        boolean ccs;
        boolean finished;
        boolean sentEncrypted13;
        boolean sslv2Hello;
        boolean alerted;
        boolean lostBytes;
        /** A message the assembler gave up on in the fragment being read, until the fragment's messages are. */
        String tooLarge;

        Side(Direction direction) {
            this.direction = direction;
            this.assembler = new HandshakeAssembler(this);
        }

        /**
         * The assembler meets a message too large to gather while it cuts a fragment, and nothing of the fragment
         * follows it: reported once the messages before it in the fragment are read ({@link #reportTooLarge}), in
         * stream order.
         */
        @Override
        public void tooLarge(int type, int claimedLength) {
            tooLarge = Registries.HANDSHAKE_TYPES.name(type) + " claims " + claimedLength + " bytes, over the "
                    + HandshakeAssembler.MAX_MESSAGE + "-byte bound; skipped";
        }

        void reportTooLarge() {
            if (tooLarge != null) {
                finding("tls.handshake.too_large", Severity.ERROR, lastFrame, -1, tooLarge, null);
                tooLarge = null;
            }
        }

        @Override
        public void record(TlsRecord record) {
            onRecord(this, record);
        }

        @Override
        public void problem(String code, long streamOffset, long frame, String message) {
            // After a side's alert (a close_notify, readable or not) its TLS session is over, and the
            // application may go on in plaintext on the same connection (FTP's CCC, RFC 4217 section 6):
            // bytes that are not TLS are then no longer a TLS error.
            boolean afterClose = alerted && (code.equals("tls.record.malformed") || code.equals("tls.resync.failed"));
            // Not finding the next record after bytes the capture lost is the loss's doing (a tcp.gap
            // warning), not a fault of the TLS stream.
            boolean afterLoss = lostBytes && code.equals("tls.resync.failed");
            Severity severity = afterClose ? Severity.INFO : afterLoss ? Severity.WARNING : severityOf(code);
            finding(code, severity, frame, streamOffset, direction.sender()
                    + " stream: " + message + (afterClose ? " (after its alert ended the TLS session)" : ""), null);
        }

        void end(long frame) {
            if (framer != null) {
                framer.end(frame);
            }
            if (assembler.pendingBytes() > 0) {
                finding("tls.handshake.truncated", Severity.WARNING, frame, -1, direction.sender()
                        + " stream ended inside a handshake message (" + assembler.pendingBytes() + " bytes of it seen)", null);
            }
        }
    }
}
