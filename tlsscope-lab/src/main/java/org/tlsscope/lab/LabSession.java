package org.tlsscope.lab;

import org.tlsscope.lab.pki.LabPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Consumer;
import org.tlsscope.lab.app.Exchange;
import org.tlsscope.lab.app.Responder;
import org.tlsscope.lab.engine.NioLoop;
import org.tlsscope.lab.engine.Recorder;
import org.tlsscope.lab.keylog.KeyLogSink;

/**
 * The post's experiment on one thread: a lab server on a free loopback port, a lab client that connects,
 * sends {@code request}, reads the reply and closes with close_notify. The client's view is recorded and
 * its secrets logged, as a browser with SSLKEYLOGFILE under a capture would give them.
 */
public final class LabSession {
    /** How long the peers wait for the other's FIN after their close_notify. */
    private static final Duration LINGER = Duration.ofSeconds(2);

    private LabSession() {
    }

    /** The reply received, and why the connection did not end cleanly (null when it did). */
    public record Result(byte[] reply, String failure) {
    }

    public static Result run(LabPki pki, TlsOptions server, TlsOptions client, byte[] request,
                             KeyLogSink keyLog, Recorder recorder, Consumer<String> log, Duration timeout) throws IOException {
        try (NioLoop loop = new NioLoop(log, timeout, LINGER)) {
            InetSocketAddress address = loop.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    new ServerEndpoint(pki, server, KeyLogSink.none(), null, c -> new Responder()));
            Exchange exchange = new Exchange(request, -1);
            loop.connect(address, new ClientEndpoint(pki, client, keyLog, recorder, exchange, null));
            boolean done = loop.runUntil(() -> exchange.done() && loop.connections() == 0, timeout);
            return new Result(exchange.received(), done ? exchange.failure() : "timed out after " + timeout.toSeconds() + " s");
        }
    }
}
