package org.tlsscope.decrypt.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.tlsscope.decrypt.keys.Label.Keyed;

/**
 * Secrets from NSS key log files (RFC 9850, "The SSLKEYLOGFILE Format for TLS") and pcapng Decryption
 * Secrets Blocks, gathered from any number of sources.
 *
 * <p>Reading is forgiving and says what it skipped: a line that cannot be used (unknown label, wrong
 * length, not hex, a last line cut short, ...) becomes a {@link KeyLogProblem} with its source and line
 * number, and the rest of the file is read on. The text is UTF-8; a byte order mark, which RFC 9850
 * forbids but Windows editors write, is dropped without comment; a line is held to {@value #MAX_LINE}
 * characters (an ECH_CONFIG is the longest legitimate one), so a file never costs memory by its size
 * beyond the entries it holds.
 *
 * <p>The same entry twice with the same secret is harmless (a key log appended to by two runs, a DSB
 * and the file it came from). Two different secrets for the same label and key keep the <em>last</em>
 * one, as Wireshark does, and the replaced line is reported.
 *
 * <p>Lookups return a fresh copy of the secret, or null when absent, and mark the key (client random,
 * encrypted pre-master prefix or session ID) as used, whether or not the asked label is present: it was
 * seen in the capture. {@link #unused()} then counts the client randoms never asked for, the audit of
 * "keys for another capture" (RFC 9850 section 3: a secret carries no cipher suite and no server, so it
 * only ever matches by its client random).
 *
 * <p>A key log that a running client is still writing is {@linkplain #follow followed}: a lookup that misses
 * reads what the file gained since, so a live analysis finds each connection's secrets once the client has
 * logged them, in the middle of its handshake.
 *
 * <p>Not thread-safe: load everything, then look up (and so re-read followed files) from the one analysis
 * thread.
 */
public final class KeyLog {
    /** The longest line kept; an ECH_CONFIG line (a few hundred bytes of hex) is far shorter. */
    public static final int MAX_LINE = 64 * 1024;
    /** Problems listed per source before the rest are only counted (a binary file given by mistake). */
    static final int MAX_PROBLEMS_PER_SOURCE = 100;

    private record Key(Keyed keyed, String hex) {
    }

    private record Stored(byte[] value, String source, int line) {
    }

    /** Everything known under one key; {@code used} once a lookup found it. */
    private static final class Group {
        final Map<Label, Stored> secrets = new EnumMap<>(Label.class);
        boolean used;
    }

    private final Map<Key, Group> groups = new HashMap<>();
    private final List<KeyLogProblem> problems = new ArrayList<>();
    private final List<KeyLogTail> followed = new ArrayList<>();
    private BooleanSupplier whenMissing = this::refresh;
    private int size;
    /** Keys are handed over as they come, by a running endpoint ({@link #expect}). */
    private boolean expected;

    /**
     * Reads a key log file; bad lines become {@link #problems()}, never an exception.
     *
     * @throws KeyFileException if the file cannot be read at all (missing, a directory, no permission)
     */
    public void load(Path file) throws IOException {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            read(source, in);
        } catch (NoSuchFileException e) {
            throw new KeyFileException("key log " + source + " does not exist");
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    /**
     * Reads {@code file} as far as it is written now (nothing when it does not exist yet), then again each
     * time a lookup misses: the key log of a client that is still running (curl's or a browser's
     * SSLKEYLOGFILE), which appends each connection's secrets during its handshake. A last line without its
     * line end is still being written and is read once whole.
     *
     * @throws KeyFileException if the file exists but cannot be read (a directory, no permission)
     */
    public void follow(Path file) throws IOException {
        KeyLogTail tail = new KeyLogTail(file);
        try {
            tail.read(this::readWholeLines);
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
        followed.add(tail);
    }

    /**
     * Reads what the followed files gained since they were last read; true when that brought new entries. A
     * file that can no longer be read is a problem, and is not followed any more.
     */
    public boolean refresh() {
        int before = size;
        for (Iterator<KeyLogTail> it = followed.iterator(); it.hasNext(); ) {
            KeyLogTail tail = it.next();
            try {
                tail.read(this::readWholeLines);
            } catch (IOException e) {
                it.remove();
                String source = tail.file().toString();
                problems.add(new KeyLogProblem(source, tail.lines() + 1, "not followed any more: " + unreadable(source, e).getMessage()));
            }
        }
        return size > before;
    }

    /**
     * What a lookup does before it answers "absent" while files are followed: by default one {@link #refresh()};
     * a live analysis may wait there a moment for the client to log the secret. The lookup is tried again each
     * time {@code more} returns true (new entries arrived), so {@code more} must come to return false.
     */
    public void whenMissing(BooleanSupplier more) {
        this.whenMissing = more;
    }

    private static KeyFileException unreadable(String source, IOException e) {
        return e instanceof AccessDeniedException ? new KeyFileException("key log " + source + " cannot be read: permission denied")
                : new KeyFileException("key log " + source + " cannot be read: " + e.getMessage());
    }

    /** Adds key log text from elsewhere (a Decryption Secrets Block), named {@code source} in problems. */
    public void add(String source, byte[] content) {
        try {
            read(source, new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException("an array cannot fail to read", e);
        }
    }

    private void read(String source, InputStream in) throws IOException {
        read(source, lines(in, 0), false);
    }

    private int readWholeLines(String source, InputStream appended, int linesBefore) throws IOException {
        return read(source, lines(appended, linesBefore), true);
    }

    private static LineReader lines(InputStream in, int linesBefore) {
        // Bytes that are not UTF-8 become U+FFFD and fail the line they are in, not the file.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new LineReader(new InputStreamReader(in, decoder), MAX_LINE, linesBefore);
    }

    /**
     * Stores the entries of {@code lines}; with {@code wholeOnly}, a last line without its line end is left
     * unread (its writer is not done with it). Returns how many lines were read.
     */
    private int read(String source, LineReader lines, boolean wholeOnly) throws IOException {
        int listed = 0;
        int unlisted = 0;
        int firstUnlisted = 0;
        int read = 0;
        for (LineReader.Line line; (line = lines.next()) != null; ) {
            if (wholeOnly && !line.terminated()) {
                break;
            }
            read++;
            String reason = reasonToSkip(source, line);
            if (reason == null) {
                continue;
            }
            if (listed < MAX_PROBLEMS_PER_SOURCE) {
                listed++;
                problems.add(new KeyLogProblem(source, line.number(), reason));
            } else if (unlisted++ == 0) {
                firstUnlisted = line.number();
            }
        }
        if (unlisted > 0) {
            problems.add(new KeyLogProblem(source, firstUnlisted,
                    unlisted + " more unusable lines from here on, not listed"));
        }
        return read;
    }

    /** Stores the line's entry; null when it was stored or is a comment, else why it was not used. */
    private String reasonToSkip(String source, LineReader.Line line) {
        if (line.length() > MAX_LINE) {
            return "line of " + line.length() + " characters, longer than any key log line (" + MAX_LINE + ")";
        }
        String text = line.number() == 1 && line.text().startsWith("\uFEFF") ? line.text().substring(1) : line.text();
        return switch (KeyLogLine.parse(text)) {
            case KeyLogLine.Blank() -> null;
            case KeyLogLine.Entry entry -> {
                put(entry, source, line.number());
                yield null;
            }
            // A last line without its line end that does not read is most likely a file still being
            // written (SSLKEYLOGFILE of a running browser) or cut by a copy.
            case KeyLogLine.Rejected(String reason) when !line.terminated() ->
                    "last line cut short (no line end): " + reason;
            case KeyLogLine.Rejected(String reason) -> reason;
        };
    }

    private void put(KeyLogLine.Entry entry, String source, int line) {
        Group group = groups.computeIfAbsent(new Key(entry.label().keyed, entry.key()), k -> new Group());
        Stored old = group.secrets.put(entry.label(), new Stored(entry.secret(), source, line));
        if (old == null) {
            size++;
        } else if (!Arrays.equals(old.value(), entry.secret())) {
            problems.add(new KeyLogProblem(old.source(), old.line(), entry.label().name() + " secret for "
                    + entry.key() + " replaced by a different one at " + where(source, line, old.source())
                    + " (the last one is kept, as Wireshark does)"));
        }
    }

    private static String where(String source, int line, String otherSource) {
        return source.equals(otherSource) ? "line " + line : source + " line " + line;
    }

    /**
     * Drops every secret kept under {@code clientRandom}: a live source (an endpoint that hands its secrets to
     * the analysis as it derives them) says so once the connection they open has ended and been read, so that
     * a long run holds the secrets of its open connections only. Nothing happens for an unknown client random.
     */
    public void forget(byte[] clientRandom) {
        if (clientRandom != null && clientRandom.length > 0) {
            Group gone = groups.remove(new Key(Keyed.CLIENT_RANDOM, HexFormat.of().formatHex(clientRandom)));
            if (gone != null) {
                size -= gone.secrets.size();
            }
        }
    }

    /** The unusable lines met so far, in the order read (a replaced line is reported when replaced). */
    public List<KeyLogProblem> problems() {
        return List.copyOf(problems);
    }

    /** A problem as one line of text: "keys.log line 12: secret of 47 bytes, expected 48". */
    public static String describe(KeyLogProblem problem) {
        return problem.source() + " line " + problem.line() + ": " + problem.reason();
    }

    /** Number of usable entries (distinct label and key; a repeated line counts once). */
    public int size() {
        return size;
    }

    /**
     * Keys will be {@linkplain #add added} as they come, by an endpoint that logs its sessions' secrets while
     * it runs: between its connections the key log may be empty, and is still a key log given.
     */
    public void expect() {
        expected = true;
    }

    /**
     * Whether keys were given at all, even if none is here now: entries read, a file followed (which a client
     * may not have written yet), or keys {@linkplain #expect expected}. Without, a connection's reason is that
     * no keys were given, not that its own are missing.
     */
    public boolean given() {
        return size > 0 || !followed.isEmpty() || expected;
    }

    /** CLIENT_RANDOM: the 48-byte master secret, or null. */
    public byte[] masterSecret(byte[] clientRandom) {
        return find(Label.CLIENT_RANDOM, clientRandom);
    }

    /**
     * A secret kept under a client random, by its key log label (CLIENT_HANDSHAKE_TRAFFIC_SECRET, ...,
     * also CLIENT_RANDOM, ECH_SECRET, ECH_CONFIG, PMS_CLIENT_RANDOM), or null, also for a label this class
     * does not know.
     */
    public byte[] secret(String label, byte[] clientRandom) {
        Label known = Label.forClientRandom(label);
        return known == null ? null : find(known, clientRandom);
    }

    /** PMS_CLIENT_RANDOM: a pre-master secret, or null. */
    public byte[] preMasterSecret(byte[] clientRandom) {
        return find(Label.PMS_CLIENT_RANDOM, clientRandom);
    }

    /** The legacy "RSA" label: the pre-master secret for an encrypted one (matched on its first 8 bytes), or null. */
    public byte[] preMasterForEncrypted(byte[] encryptedPreMasterSecret) {
        if (encryptedPreMasterSecret == null || encryptedPreMasterSecret.length < KeyLogLine.ENCRYPTED_PREFIX_BYTES) {
            return null;
        }
        return find(Label.RSA, Arrays.copyOf(encryptedPreMasterSecret, KeyLogLine.ENCRYPTED_PREFIX_BYTES));
    }

    /** "RSA Session-ID:... Master-Key:..." lines: the master secret of a session id, or null. */
    public byte[] masterSecretForSessionId(byte[] sessionId) {
        return find(Label.RSA_SESSION_ID, sessionId);
    }

    /**
     * The labels present for a client random, sorted (to say which secrets are missing: "only
     * CLIENT_RANDOM, no TLS 1.3 secrets"); empty when the client random is unknown. Marks it used.
     */
    public Set<String> labels(byte[] clientRandom) {
        Group group = group(Keyed.CLIENT_RANDOM, clientRandom);
        Set<String> names = new TreeSet<>();
        if (group != null) {
            group.secrets.keySet().forEach(l -> names.add(l.name()));
        }
        return names;
    }

    /** Distinct client randoms with secrets: what {@link #unused()} counts against. */
    public int clientRandoms() {
        return (int) groups.keySet().stream().filter(k -> k.keyed() == Keyed.CLIENT_RANDOM).count();
    }

    /** Client randoms never looked up (not seen in the capture): the audit's "keys never used". */
    public int unused() {
        return (int) groups.entrySet().stream()
                .filter(e -> e.getKey().keyed() == Keyed.CLIENT_RANDOM && !e.getValue().used)
                .count();
    }

    private byte[] find(Label label, byte[] key) {
        byte[] found = stored(label, key);
        while (found == null && !followed.isEmpty() && whenMissing.getAsBoolean()) {
            found = stored(label, key);
        }
        return found;
    }

    private byte[] stored(Label label, byte[] key) {
        Group group = group(label.keyed, key);
        Stored stored = group == null ? null : group.secrets.get(label);
        return stored == null ? null : stored.value().clone();
    }

    private Group group(Keyed keyed, byte[] key) {
        if (key == null || key.length == 0) {
            return null;
        }
        Group group = groups.get(new Key(keyed, HexFormat.of().formatHex(key)));
        if (group != null) {
            group.used = true;
        }
        return group;
    }
}
