package org.tlsscope.tls.connection;

import java.util.ArrayList;
import java.util.List;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tcp.Direction;
import org.tlsscope.tls.ext.Extensions;
import org.tlsscope.tls.ext.PreSharedKey;
import org.tlsscope.tls.handshake.ClientHello;
import org.tlsscope.tls.handshake.EncryptedExtensions;
import org.tlsscope.tls.handshake.ServerHello;
import org.tlsscope.tls.handshake.Sslv2ClientHello;

/**
 * What the hellos negotiated, as far as the plaintext shows: version, suite, server name, ALPN, and
 * whether the handshake resumed a session.
 */
final class HandshakeState {

    int cipherSuite = -1;
    String sni;
    String alpn;
    final List<String> offeredAlpn = new ArrayList<>();
    private int legacyServerVersion;
    private int selectedVersion;
    private boolean helloSeen;
    private Slice clientSessionId = Slice.EMPTY;
    private boolean sessionIdEchoed;
    private boolean pskAccepted;
    private boolean serverCertificate;
    private boolean serverCcsFirst;
    private boolean clientCcs;

    int version() {
        return selectedVersion != 0 ? selectedVersion : legacyServerVersion;
    }

    boolean tls13() {
        int v = version();
        return v == 0x0304 || (v >> 8) == 0x7f;
    }

    boolean serverHelloSeen() {
        return helloSeen;
    }

    /**
     * RFC 5246 section 7.3: an abbreviated handshake (the server echoes the client's session id, or sends
     * its ChangeCipherSpec before any Certificate); RFC 8446 section 4.2.11: the server accepted a PSK.
     */
    boolean resumed() {
        return tls13() ? pskAccepted : sessionIdEchoed || (serverCcsFirst && !serverCertificate);
    }

    void clientHello(ClientHello ch) {
        if (clientSessionId.isEmpty()) {
            clientSessionId = Slice.of(ch.legacySessionId().toArray());
        }
        if (sni == null) {
            sni = Extensions.serverName(ch.extensions()).orElse(null);
        }
        if (offeredAlpn.isEmpty()) {
            offeredAlpn.addAll(Extensions.alpn(ch.extensions()));
        }
    }

    void clientHello(Sslv2ClientHello ch) {
        if (clientSessionId.isEmpty()) {
            clientSessionId = Slice.of(ch.sessionId().toArray());
        }
    }

    void serverHello(ServerHello sh) {
        if (sh.helloRetryRequest()) {
            // RFC 8446 section 4.1.4: the HRR already fixes the version and suite of the handshake to come.
            selectedVersion = Extensions.selectedVersion(sh.extensions()).orElse(selectedVersion);
            cipherSuite = sh.cipherSuite();
            return;
        }
        helloSeen = true;
        legacyServerVersion = sh.legacyVersion();
        selectedVersion = Extensions.selectedVersion(sh.extensions()).orElse(0);
        cipherSuite = sh.cipherSuite();
        List<String> selected = Extensions.alpn(sh.extensions());
        alpn = selected.isEmpty() ? null : selected.getFirst();
        pskAccepted = Extensions.find(sh.extensions(), PreSharedKey.SelectedIdentity.class).isPresent();
        sessionIdEchoed = !tls13() && !sh.legacySessionId().isEmpty() && sh.legacySessionId().contentEquals(clientSessionId);
    }

    /** TLS 1.3 moves the ALPN answer into EncryptedExtensions (RFC 8446 section 4.3.1): readable once decrypted. */
    void encryptedExtensions(EncryptedExtensions ee) {
        List<String> selected = Extensions.alpn(ee.extensions());
        if (alpn == null && !selected.isEmpty()) {
            alpn = selected.getFirst();
        }
    }

    void serverCertificate(Direction from) {
        if (from == Direction.SERVER_TO_CLIENT) {
            serverCertificate = true;
        }
    }

    void changeCipherSpec(Direction from) {
        if (from == Direction.SERVER_TO_CLIENT && !clientCcs) {
            serverCcsFirst = true;
        } else if (from == Direction.CLIENT_TO_SERVER) {
            clientCcs = true;
        }
    }
}
