package org.tlsscope.tls.handshake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tlsscope.bytes.Slice;

/**
 * Cuts one direction's handshake records into handshake messages (RFC 8446 section 5.1: messages may
 * be coalesced into one record or fragmented across several, but not interleaved with other types).
 *
 * <p>A message that lies within one record is handed on as a slice of it. Only a message that spans
 * records is gathered into a buffer, and that buffer is capped: a length field may claim up to 16 MiB,
 * but the bytes are copied only as they arrive and the message is abandoned past {@link #MAX_MESSAGE}.
 */
public final class HandshakeAssembler {
    /** Generous for certificate chains (the largest in the corpus are a few tens of KiB). */
    public static final int MAX_MESSAGE = 1 << 20;

    /** Told when a message is abandoned because it claims more than {@link #MAX_MESSAGE}. */
    public interface Overflow {
        void tooLarge(int type, int claimedLength);
    }

    private final Overflow overflow;
    private byte[] pending = new byte[0];
    private int pendingLen;
    private int pendingRecords;
    private long discard;

    public HandshakeAssembler(Overflow overflow) {
        this.overflow = overflow;
    }

    /** Whether a message is partly received and waits for the next handshake record. */
    public boolean inMessage() {
        return pendingLen > 0 || discard > 0;
    }

    /**
     * Feeds the fragment of one handshake record; {@code fragmentOffset} is where the fragment starts
     * within its record (after the header), so messages know their offset in the record. Returns the
     * messages the fragment completes, in order (a list, not a callback: a closure per record costs more
     * than the list in the interpreted code a short run spends much of its time in).
     */
    public List<RawMessage> feed(Slice fragment, int fragmentOffset) {
        List<RawMessage> out = new ArrayList<>(2);
        int p = 0;
        int n = fragment.length();
        if (discard > 0) {
            int k = (int) Math.min(discard, n);
            discard -= k;
            p = k;
        }
        if (pendingLen > 0) {
            pendingRecords++;
            p += continuePending(fragment.slice(p, n - p), out);
        }
        while (p < n) {
            int left = n - p;
            if (left < RawMessage.HEADER) {
                startPending(fragment.slice(p, left));
                return out;
            }
            int type = fragment.u8(p);
            int length = fragment.u24(p + 1);
            int total = RawMessage.HEADER + length;
            if (length > MAX_MESSAGE) {
                overflow.tooLarge(type, length);
                long rest = (long) total - left;
                discard = Math.max(0, rest);
                return out;
            }
            if (left >= total) {
                out.add(new RawMessage(type, fragment.slice(p, total), fragmentOffset + p, 1));
                p += total;
            } else {
                startPending(fragment.slice(p, left));
                return out;
            }
        }
        return out;
    }

    private void startPending(Slice s) {
        pendingRecords = 1;
        pendingLen = 0;
        append(s);
    }

    private int continuePending(Slice s, List<RawMessage> out) {
        int used = 0;
        if (pendingLen < RawMessage.HEADER) {
            used = Math.min(RawMessage.HEADER - pendingLen, s.length());
            append(s.slice(0, used));
            if (pendingLen < RawMessage.HEADER) {
                return used;
            }
            int length = Slice.of(pending, 0, pendingLen).u24(1);
            if (length > MAX_MESSAGE) {
                overflow.tooLarge(pending[0] & 0xff, length);
                discard = length - (pendingLen - RawMessage.HEADER);
                pendingLen = 0;
                int k = (int) Math.min(discard, s.length() - used);
                discard -= k;
                return used + k;
            }
        }
        int total = RawMessage.HEADER + Slice.of(pending, 0, pendingLen).u24(1);
        int want = Math.min(total - pendingLen, s.length() - used);
        append(s.slice(used, want));
        used += want;
        if (pendingLen == total) {
            Slice whole = Slice.of(Arrays.copyOf(pending, total));
            out.add(new RawMessage(whole.u8(0), whole, -1, pendingRecords));
            pendingLen = 0;
        }
        return used;
    }

    private void append(Slice s) {
        int need = pendingLen + s.length();
        if (need > pending.length) {
            // Grows with the bytes actually received, never with the length the header claims.
            pending = Arrays.copyOf(pending, Math.max(need, Math.min(pending.length * 2, MAX_MESSAGE + RawMessage.HEADER)));
        }
        s.copyTo(pending, pendingLen);
        pendingLen += s.length();
    }

    /** Bytes of an unfinished message, reported when the stream ends or a gap cuts it. */
    public int pendingBytes() {
        return pendingLen;
    }

    public void reset() {
        pendingLen = 0;
        discard = 0;
    }
}
