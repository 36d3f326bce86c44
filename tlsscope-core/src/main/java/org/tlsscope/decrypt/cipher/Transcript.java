package org.tlsscope.decrypt.cipher;

import java.security.MessageDigest;
import org.tlsscope.bytes.Slice;

/**
 * The running handshake transcript (every handshake message, header included, in the order sent), kept
 * as running digests (MD5, SHA-1, SHA-256, SHA-384), not as bytes, so its memory is constant. All four
 * run from the first ClientHello because the hash that matters is known only once the ServerHello
 * names the version and suite.
 */
public final class Transcript {
    private final MessageDigest md5 = Hash.MD5.newDigest();
    private final MessageDigest sha1 = Hash.SHA1.newDigest();
    private final MessageDigest sha256 = Hash.SHA256.newDigest();
    private final MessageDigest sha384 = Hash.SHA384.newDigest();

    /** Adds one whole handshake message (4-byte header and body). */
    public void add(Slice message) {
        byte[] bytes = message.toArray();
        md5.update(bytes);
        sha1.update(bytes);
        sha256.update(bytes);
        sha384.update(bytes);
    }

    /**
     * After a HelloRetryRequest the first ClientHello is replaced by a message_hash message holding its
     * hash (RFC 8446 section 4.4.1). Call when the HelloRetryRequest arrives, before adding it.
     */
    public void restartForHelloRetryRequest() {
        restart(sha256, Hash.SHA256);
        restart(sha384, Hash.SHA384);
    }

    private static void restart(MessageDigest digest, Hash hash) {
        byte[] clientHello1 = digest.digest();
        digest.update(new byte[] {(byte) 0xfe, 0, 0, (byte) hash.length});
        digest.update(clientHello1);
    }

    /** The session_hash of RFC 7627 section 3: the hash of the transcript so far, as the PRF of spec/version uses it. */
    public byte[] sessionHash(CipherSpec spec, int version) {
        return version < CipherSpec.TLS12 ? md5AndSha1() : hash(spec.prfHash());
    }

    /** Transcript-Hash (RFC 8446 section 4.4.1), or Hash(handshake_messages) of RFC 5246 section 7.4.9. */
    byte[] hash(Hash hash) {
        return running(hash).digest();
    }

    /** MD5(handshake_messages) + SHA-1(handshake_messages) (RFC 2246 section 7.4.9). */
    byte[] md5AndSha1() {
        byte[] out = new byte[Hash.MD5.length + Hash.SHA1.length];
        System.arraycopy(hash(Hash.MD5), 0, out, 0, Hash.MD5.length);
        System.arraycopy(hash(Hash.SHA1), 0, out, Hash.MD5.length, Hash.SHA1.length);
        return out;
    }

    /** A copy of the running digest, to finish or to extend (SSL 3.0 hashes sender and secret after it). */
    MessageDigest running(Hash hash) {
        MessageDigest digest = switch (hash) {
            case MD5 -> md5;
            case SHA1 -> sha1;
            case SHA256 -> sha256;
            case SHA384 -> sha384;
        };
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's " + hash + " digest cannot be cloned", e);
        }
    }
}
