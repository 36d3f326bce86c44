package org.tlsscope.analysis.fingerprint;

import org.tlsscope.analysis.ByteKey;
import org.tlsscope.analysis.Memo;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.handshake.ClientHello;
import org.tlsscope.tls.handshake.ServerHello;

/**
 * The core's fingerprints of one connection, each null when the hello it is taken from was not seen (a
 * capture that begins after the handshake, or an SSL 2.0-format ClientHello).
 */
public record HelloFingerprints(Ja3 ja3, Ja3s ja3s, Ja4 ja4) {

    public static HelloFingerprints of(ConnectionReport report) {
        ClientHello hello = report.clientHello();
        Client client = hello == null ? null : CLIENTS.get(ClientHelloKey.of(hello), k -> Client.of(hello));
        ServerHello answer = report.serverHello();
        Ja3s ja3s = answer == null ? null : SERVERS.get(ServerHelloKey.of(answer), k -> Ja3s.of(answer));
        return new HelloFingerprints(client == null ? null : client.ja3(), ja3s, client == null ? null : client.ja4());
    }

    /** A capture holds a few client programs, each with its own hello: fingerprinted once each. */
    private static final Memo<ByteKey, Client> CLIENTS = new Memo<>(4096);
    /** And a few servers, each answering a kind of client the same way. */
    private static final Memo<ByteKey, Ja3s> SERVERS = new Memo<>(4096);

    private record Client(Ja3 ja3, Ja4 ja4) {
        static Client of(ClientHello hello) {
            Ja4 ja4 = Ja4.of(hello);
            ja4.fingerprint(); // computed now, before the instance is shared
            return new Client(Ja3.of(hello), ja4);
        }
    }
}
