package org.tlsscope.tls.connection;

import java.util.ArrayList;
import java.util.List;
import org.tlsscope.analysis.Finding;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tcp.TcpConnection;
import org.tlsscope.tls.handshake.ClientHello;
import org.tlsscope.tls.handshake.ServerHello;
import org.tlsscope.tls.handshake.ServerKeyExchange;

/**
 * Everything tlsscope learned about one TLS connection, reported once when it ends (or at the end of the
 * capture). The JSON view prints it as the {@code connection} object.
 *
 * @param connection                the TCP connection (endpoints, first frame)
 * @param lastFrame                 frame of the last segment seen
 * @param version                   negotiated version code (supported_versions, else ServerHello), or 0
 * @param cipherSuite               selected cipher suite, or -1
 * @param sni                       first host_name of the client's server_name, or null
 * @param alpn                      the protocol the server selected, or null
 * @param offeredAlpn               the protocols the client offered
 * @param messages                  readable handshake messages and change_cipher_spec, in order
 * @param encryptedHandshakeRecords handshake records that could not be read (encrypted)
 * @param alerts                    alerts, readable or not
 * @param resumed                   an abbreviated (session id / ticket) or PSK handshake
 * @param established               both sides finished the handshake
 * @param clientAppBytes            application_data record bytes sent by the client (ciphertext)
 * @param serverAppBytes            same, from the server
 * @param decryption                how decryption went, or null when no key material was given
 * @param findings                  findings about this connection (at most {@link #MAX_FINDINGS})
 * @param findingsDropped           findings beyond that bound, counted
 * @param clientHello               the first ClientHello (TLS format; null for none or an SSL 2.0 one), what the
 *                                  fingerprints are taken from; backed by a copy of its own bytes only
 * @param serverHello               the first ServerHello, a HelloRetryRequest when there was one; null for none
 * @param serverCertificates        the DER certificates of the server's first Certificate message read in the
 *                                  clear or decrypted, leaf first, copied; empty when none was readable
 * @param serverKeyExchange         the first readable ServerKeyExchange (its DH group or curve), or null
 * @param certificateFrame          the frame that completed that Certificate message, or 0 when none was readable
 * @param certificateTimeNanos      that frame's capture time (nanoseconds since the Unix epoch), the time at
 *                                  which the chain's validity is judged; 0 when none was readable
 */
public record ConnectionReport(TcpConnection connection, long lastFrame, int version, int cipherSuite, String sni,
                               String alpn, List<String> offeredAlpn, List<MessageSeen> messages,
                               int encryptedHandshakeRecords, List<AlertSeen> alerts, boolean resumed,
                               boolean established, long clientAppBytes, long serverAppBytes,
                               DecryptionStatus decryption, List<Finding> findings, int findingsDropped,
                               ClientHello clientHello, ServerHello serverHello, List<Slice> serverCertificates,
                               ServerKeyExchange serverKeyExchange, long certificateFrame, long certificateTimeNanos) {
    public static final int MAX_FINDINGS = 64;

    /** This report with {@code more} findings appended (those over {@link #MAX_FINDINGS} counted as dropped). */
    public ConnectionReport withFindings(List<Finding> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Finding> all = new ArrayList<>(findings);
        int dropped = findingsDropped;
        for (Finding f : more) {
            if (all.size() < MAX_FINDINGS) {
                all.add(f);
            } else {
                dropped++;
            }
        }
        return new ConnectionReport(connection, lastFrame, version, cipherSuite, sni, alpn, offeredAlpn, messages,
                encryptedHandshakeRecords, alerts, resumed, established, clientAppBytes, serverAppBytes, decryption,
                List.copyOf(all), dropped, clientHello, serverHello, serverCertificates, serverKeyExchange, certificateFrame,
                certificateTimeNanos);
    }

    /** A message in the handshake sequence: who sent it and its snake_case type. */
    public record MessageSeen(String from, String type, long frame) {
    }

    /** An alert; level and description are null while it is encrypted. */
    public record AlertSeen(String from, Integer level, Integer description, long frame) {
    }
}
