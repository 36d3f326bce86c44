package org.tlsscope.decrypt.cipher;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * SSL 3.0's own MD5/SHA-1 constructions for key material, export keys and Finished (RFC 6101 sections
 * 6.1, 6.2.2, 5.6.9).
 */
final class Ssl3 {
    /** RFC 6101 section 5.6.9: Sender client is 0x434C4E54 ("CLNT"), server 0x53525652 ("SRVR"). */
    private static final byte[] CLIENT = {0x43, 0x4C, 0x4E, 0x54};
    private static final byte[] SERVER = {0x53, 0x52, 0x56, 0x52};

    private Ssl3() {
    }

    /**
     * MD5(secret + SHA('A' + secret + r1 + r2)) + MD5(secret + SHA('BB' + secret + r1 + r2)) + ...,
     * truncated: the master secret (secret = pre_master_secret, r1 r2 = client and server randoms,
     * RFC 6101 section 6.1) and the key block (secret = master_secret, r1 r2 = server and client randoms,
     * section 6.2.2).
     */
    static byte[] keyMaterial(byte[] secret, byte[] random1, byte[] random2, int length) {
        MessageDigest md5 = Hash.MD5.newDigest();
        MessageDigest sha = Hash.SHA1.newDigest();
        byte[] out = new byte[length];
        for (int i = 0, done = 0; done < length; i++) {
            byte[] label = new byte[i + 1];
            Arrays.fill(label, (byte) ('A' + i));
            sha.update(label);
            sha.update(secret);
            sha.update(random1);
            sha.update(random2);
            md5.update(secret);
            byte[] block = md5.digest(sha.digest());
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        return out;
    }

    /**
     * The export suites' final write keys and IVs (RFC 6101 section 6.2.2): MD5 over the parts in order
     * (a write key then the randoms, or the randoms alone for an IV), truncated to {@code length}.
     */
    static byte[] exportMd5(int length, byte[]... parts) {
        MessageDigest md5 = Hash.MD5.newDigest();
        for (byte[] part : parts) {
            md5.update(part);
        }
        return Arrays.copyOf(md5.digest(), length);
    }

    /**
     * Finished (RFC 6101 section 5.6.9): md5_hash + sha_hash, each
     * hash(master_secret + pad2 + hash(handshake_messages + Sender + master_secret + pad1)).
     */
    static byte[] finished(byte[] masterSecret, boolean client, Transcript transcript) {
        byte[] sender = client ? CLIENT : SERVER;
        return Prf.concat(finishedHash(Hash.MD5, masterSecret, sender, transcript),
                finishedHash(Hash.SHA1, masterSecret, sender, transcript));
    }

    private static byte[] finishedHash(Hash hash, byte[] masterSecret, byte[] sender, Transcript transcript) {
        MessageDigest inner = transcript.running(hash);
        inner.update(sender);
        inner.update(masterSecret);
        inner.update(pad(hash, 0x36));
        byte[] innerHash = inner.digest();
        MessageDigest outer = hash.newDigest();
        outer.update(masterSecret);
        outer.update(pad(hash, 0x5c));
        return outer.digest(innerHash);
    }

    /** pad_1 (0x36) or pad_2 (0x5c) repeated 48 times for MD5, 40 for SHA (RFC 6101 section 5.2.3.1). */
    static byte[] pad(Hash hash, int value) {
        byte[] pad = new byte[hash.ssl3PadLength];
        Arrays.fill(pad, (byte) value);
        return pad;
    }
}
