import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tlsscope.lab.ClientEndpoint;
import org.tlsscope.lab.TlsOptions;
import org.tlsscope.lab.engine.Application;
import org.tlsscope.lab.engine.NioLoop;
import org.tlsscope.lab.engine.TlsChannel;
import org.tlsscope.lab.keylog.KeyLogSink;
import org.tlsscope.lab.pki.LabPki;

/**
 * The load side of scripts/bench-proxy.sh (a script's helper, not a test): N TLS 1.3 clients on one NIO thread
 * (the lab's own client), all connecting at once through the proxy to `tlsscope serve`. Each completes its
 * handshake, sends a line and waits for its echo, then holds its connection open until every client has got
 * that far (or failed), so that all N are open through the proxy at the same moment; then all close with
 * close_notify. Run with the tlsscope jar on the class path:
 *
 *   java -cp tlsscope-cli/target/tlsscope.jar scripts/ProxyLoad.java HOST PORT N PKI_DIR
 */
public final class ProxyLoad {
    private static final byte[] PING = "ping\n".getBytes(StandardCharsets.US_ASCII);

    private static final Set<TlsChannel> opened = new HashSet<>();
    private static final Set<TlsChannel> echoed = new LinkedHashSet<>();
    private static final List<String> reasons = new ArrayList<>();
    private static int failed;
    private static int closed;
    private static boolean closing;
    private static long lastEchoNanos;

    public static void main(String[] args) throws Exception {
        InetSocketAddress proxy = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int n = Integer.parseInt(args[2]);
        LabPki pki = LabPki.loadOrCreate(Path.of(args[3]), LabPki.DEFAULT_RSA_BITS);
        TlsOptions options = new TlsOptions(List.of(org.bouncycastle.tls.ProtocolVersion.TLSv13), List.of(), List.of(),
                "localhost", List.of(), true, false);
        Application app = new Application() {
            @Override
            public void onOpen(TlsChannel channel) {
                opened.add(channel);
                channel.write(PING);
            }

            @Override
            public void onData(TlsChannel channel, byte[] data) {
                if (echoed.add(channel)) {
                    lastEchoNanos = System.nanoTime();
                }
            }

            /** A connection that ends before the close phase, or with a reason, is lost. */
            @Override
            public void onClosed(TlsChannel channel, String reason) {
                opened.remove(channel);
                if (echoed.remove(channel) && closing && reason == null) {
                    closed++;
                    return;
                }
                failed++;
                if (reasons.size() < 5) {
                    reasons.add(reason != null ? reason : "closed before the end of the run");
                }
            }
        };
        long t0 = System.nanoTime();
        try (NioLoop loop = new NioLoop(line -> { }, Duration.ofSeconds(120), Duration.ofSeconds(10))) {
            for (int i = 0; i < n; i++) {
                loop.connect(proxy, new ClientEndpoint(pki, options, KeyLogSink.none(), null, app, null));
            }
            loop.runUntil(() -> echoed.size() + failed >= n, Duration.ofSeconds(300));
            int openAtOnce = opened.size();
            int done = echoed.size();
            double seconds = (lastEchoNanos - t0) / 1e9;
            closing = true;
            for (TlsChannel c : List.copyOf(echoed)) {
                c.close();
            }
            loop.runUntil(() -> closed + failed >= n, Duration.ofSeconds(60));
            System.out.printf("clients %d, handshakes and echoes %d in %.1f s (%.0f/s), open through the proxy at once %d,"
                    + " closed cleanly %d, failed %d%s%n", n, done, seconds, done / seconds, openAtOnce, closed, failed,
                    reasons.isEmpty() ? "" : " " + reasons);
        }
    }
}
