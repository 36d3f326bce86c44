package org.tlsscope.tls.record;

import org.tlsscope.bytes.Slice;

/**
 * Cuts one direction's TCP byte stream into TLS records (RFC 5246 section 6.2, RFC 8446 section 5).
 *
 * <p>Follows the stream-decoder contract of Netty's ByteToMessageDecoder: a partial record is never
 * consumed; headers are peeked with absolute reads; a record that lies wholly inside the bytes at hand
 * is handed on as a slice of them, without a copy, and only a record that spans TCP segments is
 * gathered into a buffer, bounded by the largest legal record. Application data that no view asked to
 * see is skipped by its length and never copied.
 *
 * <p>After a gap in the stream, or when the capture starts mid-connection, the framer is out of step:
 * it scans for the next plausible record header (a known content type, an SSL 3.0 .. TLS 1.3 version
 * and a legal length) and confirms it by the header that follows, then carries on from there.
 */
public final class RecordFramer {
    /** Receives framed records and framing problems. */
    public interface Sink {
        void record(TlsRecord record);

        void problem(String code, long streamOffset, long frame, String message);
    }

    private static final int BUFFER = RecordHeader.SIZE + RecordHeader.MAX_CIPHERTEXT;
    /** Out of step, candidates need their whole record and the next header to be confirmed. */
    private static final int SCAN_WINDOW = 2 * BUFFER + RecordHeader.SIZE;
    private static final byte[] NO_BYTES = new byte[0];

    private final Sink sink;
    private final boolean keepApplicationData;
    private final boolean clientSide;
    /**
     * Bytes of a record that spans segments, gathered. Most records arrive whole in one segment and are framed
     * in place: the buffer is made when the first partial record needs it, not with every connection.
     */
    private byte[] acc = NO_BYTES;
    private int accLen;
    private long offset;
    private long skip;
    private RecordHeader skipped;
    private long skippedOffset;
    private boolean synced;
    private boolean sslv2Stream;
    private boolean peerSpokeSslv2;

    /**
     * @param keepApplicationData whether application_data fragments are delivered (explain) or skipped
     * @param clientSide          whether this is the client's direction (where an SSLv2 hello may start)
     * @param startsAtRecord      whether the stream is known to start at a record boundary
     */
    public RecordFramer(Sink sink, boolean keepApplicationData, boolean clientSide, boolean startsAtRecord) {
        this.sink = sink;
        this.keepApplicationData = keepApplicationData;
        this.clientSide = clientSide;
        this.synced = startsAtRecord;
    }

    /** Stream offset of the next byte this framer expects. */
    public long offset() {
        return offset + accLen;
    }

    public boolean synced() {
        return synced;
    }

    /** Feeds the next in-order bytes of the stream. */
    public void feed(Slice data, long frame) {
        int p = 0;
        int n = data.length();
        while (p < n) {
            if (skip > 0) {
                int k = (int) Math.min(skip, n - p);
                skip -= k;
                p += k;
                if (skip == 0) {
                    sink.record(new TlsRecord(skipped, null, skippedOffset, frame, false));
                    offset = skippedOffset + RecordHeader.SIZE + skipped.length();
                    skipped = null;
                }
                continue;
            }
            if (!synced) {
                p += scan(data.slice(p, n - p), frame);
                continue;
            }
            if (accLen > 0) {
                p += continuePartial(data.slice(p, n - p), frame);
                continue;
            }
            p += frameDirect(data.slice(p, n - p), frame);
        }
    }

    /** {@code missing} bytes of the stream were never captured: whatever record was open is lost. */
    public void gap(long missing, long frame) {
        if (skip > 0) {
            if (missing < skip) {
                // The gap falls inside a record we were skipping anyway: nothing is lost but its bytes.
                skip -= missing;
                return;
            }
            missing -= skip;
            skip = 0;
            skipped = null;
        }
        long lostAt = offset;
        offset += accLen + missing;
        accLen = 0;
        synced = false;
        sink.problem("tcp.gap", lostAt, frame, missing + " bytes missing from the stream (lost in capture); "
                + "resynchronizing at the next record header");
    }

    /** End of the stream: a record still open is reported as truncated. */
    public void end(long frame) {
        if (skip > 0) {
            sink.problem("tls.record.truncated", skippedOffset, frame, "stream ended " + skip
                    + " bytes before the end of a " + skipped.length() + "-byte record");
        } else if (accLen > 0 && synced) {
            sink.problem("tls.record.truncated", offset, frame, "stream ended inside a record: " + accLen
                    + " bytes of it captured" + (accLen >= RecordHeader.SIZE
                    ? ", " + (RecordHeader.SIZE + Slice.of(acc, 0, accLen).u16(3)) + " announced" : ""));
        } else if (accLen > 0) {
            sink.problem("tls.resync.failed", offset, frame, accLen
                    + " bytes at the end of the stream hold no record boundary");
        }
        accLen = 0;
        skip = 0;
    }

    private int frameDirect(Slice in, long frame) {
        if (in.length() < RecordHeader.SIZE) {
            append(in);
            return in.length();
        }
        if (offset == 0 && (clientSide ? isSslv2Hello(in) : peerSpokeSslv2 && (in.u8(0) & 0x80) != 0)) {
            sslv2Stream = true;
        }
        if (sslv2Stream) {
            return frameSslv2(in, frame);
        }
        RecordHeader h = RecordHeader.peek(in, 0);
        if (!h.plausible()) {
            outOfStep(in, frame);
            return 0;
        }
        int total = RecordHeader.SIZE + h.length();
        if (in.length() >= total) {
            sink.record(new TlsRecord(h, in.slice(0, total), offset, frame, false));
            offset += total;
            return total;
        }
        if (h.contentType() == ContentType.APPLICATION_DATA && !keepApplicationData) {
            skipped = h;
            skippedOffset = offset;
            skip = total - in.length();
            return in.length();
        }
        append(in);
        return in.length();
    }

    private int continuePartial(Slice in, long frame) {
        int used = 0;
        if (accLen < RecordHeader.SIZE) {
            used = Math.min(RecordHeader.SIZE - accLen, in.length());
            append(in.slice(0, used));
            if (accLen < RecordHeader.SIZE) {
                return used;
            }
        }
        Slice held = Slice.of(acc, 0, accLen);
        if (sslv2Stream) {
            int total = 2 + sslv2Length(held);
            int want = Math.min(total - accLen, in.length() - used);
            append(in.slice(used, want));
            used += want;
            if (accLen == total) {
                emitSslv2(Slice.of(acc, 0, total), frame);
                detach();
            }
            return used;
        }
        RecordHeader h = RecordHeader.peek(held, 0);
        if (!h.plausible()) {
            Slice pending = Slice.of(acc.clone(), 0, accLen);
            accLen = 0;
            outOfStep(pending, frame);
            // The held bytes go back through the scanner, ahead of the rest of this segment.
            scan(pending, frame);
            return used;
        }
        int total = RecordHeader.SIZE + h.length();
        int want = Math.min(total - accLen, in.length() - used);
        if (acc.length < total) {
            acc = java.util.Arrays.copyOf(acc, total);
        }
        if (h.contentType() == ContentType.APPLICATION_DATA && !keepApplicationData && want < total - accLen) {
            skipped = h;
            skippedOffset = offset;
            skip = total - accLen - want;
            accLen = 0;
            return used + want;
        }
        append(in.slice(used, want));
        used += want;
        if (accLen == total) {
            sink.record(new TlsRecord(h, Slice.of(acc, 0, total), offset, frame, false));
            offset += total;
            detach();
        }
        return used;
    }

    private void outOfStep(Slice at, long frame) {
        int shown = Math.min(at.length(), 16);
        sink.problem("tls.record.malformed", offset, frame, "not a TLS record header: " + at.slice(0, shown).spacedHex()
                + (at.length() > shown ? " .." : "") + "; resynchronizing at the next record header");
        synced = false;
    }

    /**
     * Out of step: gathers bytes and looks for a header whose record is followed by another plausible
     * header (or ends exactly where the captured bytes end). Returns how many bytes of {@code in} it took.
     */
    private int scan(Slice in, long frame) {
        int take = Math.min(in.length(), SCAN_WINDOW - accLen);
        append(in.slice(0, take));
        Slice held = Slice.of(acc, 0, accLen);
        for (int i = 0; i + RecordHeader.SIZE <= accLen; i++) {
            RecordHeader h = RecordHeader.peek(held, i);
            if (!h.plausible()) {
                continue;
            }
            int end = i + RecordHeader.SIZE + h.length();
            boolean confirmed = RecordHeader.confirmed(held, i);
            if (!confirmed && end + RecordHeader.SIZE > accLen && accLen < SCAN_WINDOW) {
                return take; // not enough bytes yet to confirm this candidate: wait for more
            }
            if (confirmed) {
                resyncAt(i, frame);
                return take;
            }
        }
        // No candidate in the window: keep only the tail that could still start a record.
        int keep = Math.min(accLen, RecordHeader.SIZE - 1);
        drop(accLen - keep);
        return take;
    }

    private void resyncAt(int i, long frame) {
        if (i > 0) {
            sink.problem("tls.resync", offset, frame, "skipped " + i + " bytes to the record header at stream offset "
                    + (offset + i));
        }
        drop(i);
        synced = true;
        Slice rest = Slice.of(acc.clone(), 0, accLen);
        accLen = 0;
        feed(rest, frame);
    }

    /**
     * The buffer's bytes now back a delivered record, and slices of a delivered record must stay valid
     * for as long as anyone holds them: the next record gets a fresh buffer (made when needed) instead of overwriting it.
     */
    private void detach() {
        acc = NO_BYTES;
        accLen = 0;
    }

    private void drop(int n) {
        System.arraycopy(acc, n, acc, 0, accLen - n);
        accLen -= n;
        offset += n;
    }

    private void append(Slice s) {
        int need = accLen + s.length();
        if (need > acc.length) {
            // Bounded: framing never holds more than one maximal record (or the resync window).
            acc = java.util.Arrays.copyOf(acc, Math.min(Math.max(Math.max(need, acc.length * 2), 256), SCAN_WINDOW));
        }
        s.copyTo(acc, accLen);
        accLen += s.length();
    }

    // ---- SSL 2.0 framing (RFC 6101 appendix E, RFC 5246 appendix E.2) -------------------------

    /** A two-byte-header SSL 2.0 record whose first message is CLIENT-HELLO (type 1), versions 0x0002..0x0303. */
    static boolean isSslv2Hello(Slice in) {
        if ((in.u8(0) & 0x80) == 0 || in.length() < 5) {
            return false;
        }
        int len = sslv2Length(in);
        int version = in.u16(3);
        return len >= 9 && in.u8(2) == 1 && (version == 0x0002 || (version >> 8) == 3 && (version & 0xff) <= 3);
    }

    private static int sslv2Length(Slice in) {
        return (in.u8(0) & 0x7f) << 8 | in.u8(1);
    }

    private int frameSslv2(Slice in, long frame) {
        if ((in.u8(0) & 0x80) == 0) {
            sslv2Stream = false;
            // RFC 5246 appendix E.2: a server that answers an SSL 2.0-compatible hello with SSL 3.0 or later
            // has the client go on in TLS records. Anything else here would be an SSL 2.0 three-byte header
            // (with padding), which only follows encryption: nothing to dissect there.
            if (!RecordHeader.peek(in, 0).plausible()) {
                outOfStep(in, frame);
            }
            return 0;
        }
        int total = 2 + sslv2Length(in);
        if (in.length() >= total) {
            emitSslv2(in.slice(0, total), frame);
            return total;
        }
        append(in);
        return in.length();
    }

    private void emitSslv2(Slice bytes, long frame) {
        RecordHeader h = new RecordHeader(ContentType.HANDSHAKE, 0x0002, bytes.length() - 2);
        sink.record(new TlsRecord(h, bytes, offset, frame, true));
        offset += bytes.length();
    }

    /**
     * The client opened with an SSL 2.0 hello: the server's first bytes may be an SSL 2.0 SERVER-HELLO
     * (a pure SSL 2.0 session) rather than a TLS record (an upgrade to SSL 3.0 or later).
     */
    public void allowSslv2Reply() {
        peerSpokeSslv2 = true;
    }
}
