package org.tlsscope.lab.engine;

import java.io.IOException;
import org.bouncycastle.tls.TlsClient;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsPeer;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsServer;
import org.bouncycastle.tls.TlsServerProtocol;

/**
 * Bouncy Castle's protocol objects in non-blocking mode, able to send a TLS 1.3 KeyUpdate on request.
 * BC 1.84 sends KeyUpdate only on its own (when a key's record count nears its limit, or to answer a
 * peer's update_requested); {@code TlsProtocol.send13KeyUpdate} is protected, so a subclass exposes it.
 */
final class Protocols {
    private Protocols() {
    }

    /** A protocol that can update its sending keys (RFC 8446 section 4.6.3). */
    interface KeyUpdating {
        /** Sends KeyUpdate and switches to the next traffic secret; {@code requestPeer}: update_requested. */
        void keyUpdate(boolean requestPeer) throws IOException;
    }

    /** Starts the handshake of {@code peer} (a client sends its ClientHello into the output at once). */
    static TlsProtocol begin(TlsPeer peer) throws IOException {
        if (peer instanceof TlsClient c) {
            Client p = new Client();
            p.connect(c);
            return p;
        }
        Server p = new Server();
        p.accept((TlsServer) peer);
        return p;
    }

    private static final class Client extends TlsClientProtocol implements KeyUpdating {
        @Override
        public void keyUpdate(boolean requestPeer) throws IOException {
            send13KeyUpdate(requestPeer);
        }
    }

    private static final class Server extends TlsServerProtocol implements KeyUpdating {
        @Override
        public void keyUpdate(boolean requestPeer) throws IOException {
            send13KeyUpdate(requestPeer);
        }
    }
}
