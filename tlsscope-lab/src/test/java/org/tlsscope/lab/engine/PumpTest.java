package org.tlsscope.lab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsServerProtocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tlsscope.lab.TestPki;
import org.tlsscope.lab.TlsNames;
import org.tlsscope.lab.TlsOptions;
import org.tlsscope.lab.keylog.KeyLogSink;
import org.tlsscope.lab.keylog.SecretTap;
import org.tlsscope.lab.peer.LabClient;
import org.tlsscope.lab.peer.LabServer;
import org.tlsscope.lab.peer.PeerEvents;
import org.tlsscope.lab.peer.SessionCache;

/**
 * The lab peers on Bouncy Castle's non-blocking protocol, pumped in memory (as BC's own
 * TlsProtocolNonBlockingTest): whole chunks, and one byte at a time, so that every record arrives split.
 */
class PumpTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest
    @CsvSource({"1.3,,65536", "1.3,,1", "1.2,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,1",
            "1.0,TLS_RSA_WITH_AES_256_CBC_SHA,1", "1.2,TLS_RSA_WITH_AES_128_CBC_SHA256,7"})
    void handshakeDataAndCloseNotify(String version, String suite, int chunk) throws IOException {
        TlsOptions options = new TlsOptions(List.of(TlsNames.version(version)),
                suite == null ? List.of() : List.of(TlsNames.cipherSuite(suite)), List.of(), "localhost", List.of("http/1.1"), true, false);
        List<String> clientKeys = Collections.synchronizedList(new ArrayList<>());
        List<String> serverKeys = Collections.synchronizedList(new ArrayList<>());
        TlsClientProtocol client = new TlsClientProtocol();
        TlsServerProtocol server = new TlsServerProtocol();
        server.accept(new LabServer(new SecretTap(RANDOM, KeyLogSink.to(serverKeys::add), line -> { }), options, TestPki.get(),
                new SessionCache(8), PeerEvents.NONE));
        client.connect(new LabClient(new SecretTap(RANDOM, KeyLogSink.to(clientKeys::add), line -> { }), options, TestPki.get(),
                PeerEvents.NONE, null));

        for (int round = 0; round < 1000 && !(client.isConnected() && server.isConnected()); round++) {
            pump(client, server, chunk);
            pump(server, client, chunk);
        }
        assertThat(client.isConnected()).isTrue();
        assertThat(server.isConnected()).isTrue();

        byte[] request = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".repeat(50).getBytes(StandardCharsets.US_ASCII);
        client.writeApplicationData(request, 0, request.length);
        pump(client, server, chunk);
        assertThat(drain(server)).isEqualTo(request);

        client.close();
        pump(client, server, chunk);
        assertThat(server.isClosed()).isTrue();
        assertThat(client.isClosed()).isTrue();
        // Both sides derived the same secrets, and log them under the labels of their version.
        assertThat(clientKeys).isEqualTo(serverKeys);
        List<String> labels = clientKeys.stream().map(l -> l.substring(0, l.indexOf(' '))).toList();
        assertThat(labels).isEqualTo(TlsNames.version(version) == ProtocolVersion.TLSv13
                ? List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                        "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET")
                : List.of("CLIENT_RANDOM"));
    }

    /** Moves everything {@code from} has to send into {@code to}, {@code chunk} bytes per offerInput. */
    private static void pump(TlsProtocol from, TlsProtocol to, int chunk) throws IOException {
        byte[] buf = new byte[chunk];
        for (int n = from.readOutput(buf, 0, chunk); n > 0; n = from.readOutput(buf, 0, chunk)) {
            if (!to.isClosed()) {
                to.offerInput(buf, 0, n);
            }
        }
    }

    private static byte[] drain(TlsProtocol p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        for (int n = p.readInput(buf, 0, buf.length); n > 0; n = p.readInput(buf, 0, buf.length)) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
