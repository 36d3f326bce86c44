package org.tlsscope.decrypt;

import java.util.List;
import org.tlsscope.bytes.Slice;
import org.tlsscope.decrypt.cipher.CipherSpec;
import org.tlsscope.decrypt.cipher.Transcript;

/**
 * What one handshake (the first, or a renegotiation) has shown so far that the key schedule needs: the
 * randoms, what was negotiated, the key exchange's encrypted pre-master secret, and the transcript.
 */
final class Handshake {
    final Transcript transcript = new Transcript();
    byte[] clientRandom;
    byte[] serverRandom;
    Slice clientSessionId = Slice.EMPTY;
    Slice serverSessionId = Slice.EMPTY;
    /** The session ticket the ClientHello offered (RFC 5077 section 3.1), or null. */
    Slice offeredTicket;
    /** TLS 1.3 suites the ClientHello offered: the candidates for 0-RTT, whose suite no message names. */
    List<Integer> offeredSuites = List.of();
    boolean earlyDataOffered;
    boolean helloRetried;
    int version;
    int suite = -1;
    CipherSpec spec;
    /** Why {@link #spec} is null although a suite was chosen. */
    String unsupported;
    boolean extendedMasterSecret;
    /** RFC 3749: DEFLATE (1) compresses every record's plaintext. */
    boolean deflate;
    boolean encryptThenMac;
    Slice encryptedPreMaster;
    Slice serverCertificate;
    /** RFC 7627 section 3: the transcript hash up to the ClientKeyExchange, taken when it passes. */
    byte[] sessionHash;
    byte[] masterSecret;
    /** A NewSessionTicket seen before the master secret was known: remembered once it is. */
    Slice pendingTicket;
    boolean serverHelloSeen;

    boolean tls13() {
        return version == 0x0304;
    }

    /** RFC 5246 section 7.3: the server resumed the session the client offered by echoing its id. */
    boolean resumedById() {
        return !serverSessionId.isEmpty() && serverSessionId.contentEquals(clientSessionId);
    }
}
