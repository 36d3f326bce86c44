package org.tlsscope.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tlsscope.lab.app.Responder;
import org.tlsscope.lab.engine.Application;
import org.tlsscope.lab.engine.NioLoop;
import org.tlsscope.lab.engine.Recorder;
import org.tlsscope.lab.engine.TlsChannel;
import org.tlsscope.lab.keylog.KeyLogSink;

/**
 * A lab server (the {@link Responder}) on a loopback port, its loop on a thread of its own, so that a
 * test can drive other peers meanwhile. It keeps the loop's lines and each connection's end reason
 * ("clean" for a clean close), by the client's port.
 */
final class ServerThread implements AutoCloseable {
    final InetSocketAddress address;
    /** Copied on write: tests stream it while the loop's thread adds to it. */
    final List<String> log = new CopyOnWriteArrayList<>();
    private final NioLoop loop;
    private final Map<Integer, String> ends = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> endCount = new ConcurrentHashMap<>();
    private final Thread thread;

    ServerThread(Duration timeout) throws IOException {
        this(TlsOptions.MODERN, timeout, KeyLogSink.none(), null);
    }

    ServerThread(TlsOptions options, Duration timeout, KeyLogSink keyLog, Recorder recorder) throws IOException {
        loop = new NioLoop(log::add, timeout, Duration.ofSeconds(1));
        address = loop.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new ServerEndpoint(TestPki.get(), options, keyLog, recorder, this::application));
        thread = Thread.ofPlatform().daemon().start(() -> {
            try {
                loop.run();
            } catch (IOException e) {
                log.add("loop failed: " + e);
            }
        });
    }

    private Application application(TlsChannel channel) {
        int port = channel.remote().getPort();
        Responder responder = new Responder();
        return new Application() {
            @Override
            public void onData(TlsChannel c, byte[] data) {
                responder.onData(c, data);
            }

            @Override
            public void onClosed(TlsChannel c, String reason) {
                endCount.merge(port, 1, Integer::sum);
                ends.put(port, reason == null ? "clean" : reason);
            }
        };
    }

    /** A plain TCP connection to the server. */
    Socket raw() throws IOException {
        Socket s = new Socket();
        s.connect(address, 5_000);
        s.setSoTimeout(10_000);
        return s;
    }

    boolean ended(Socket s) {
        return ended(s.getLocalPort());
    }

    boolean ended(int clientPort) {
        return ends.containsKey(clientPort);
    }

    String awaitEnd(Socket s) throws InterruptedException {
        return awaitEnd(s.getLocalPort());
    }

    /** The reason the connection from {@code clientPort} ended, waiting up to 20 s for it; null if it did not. */
    String awaitEnd(int clientPort) throws InterruptedException {
        for (int i = 0; i < 2_000 && !ended(clientPort); i++) {
            Thread.sleep(10);
        }
        return ends.get(clientPort);
    }

    /** Every connection ended once, and no line of the loop carries an exception. */
    void assertOneEndEachAndNoTrace() {
        assertThat(endCount.values()).allMatch(n -> n == 1);
        assertThat(log).noneMatch(l -> l.contains("Exception") || l.contains("\tat ") || l.startsWith("loop failed"));
    }

    /** Stops the loop, then closes it (and so every connection still open) on this thread. */
    @Override
    public void close() throws Exception {
        loop.stop();
        thread.join(5_000);
        loop.close();
    }
}
