package org.tlsscope.ja4plus;

import java.util.List;
import java.util.function.Function;
import org.tlsscope.analysis.ByteKey;
import org.tlsscope.analysis.Memo;
import org.tlsscope.analysis.fingerprint.CertificateFingerprinter;
import org.tlsscope.analysis.fingerprint.Fingerprinter;
import org.tlsscope.analysis.fingerprint.Fingerprinters;
import org.tlsscope.analysis.fingerprint.ServerHelloKey;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.connection.ConnectionReport;

/**
 * The FoxIO-licensed fingerprints as the core's views take them: "ja4s" per connection (from its first
 * ServerHello), "ja4x" per certificate of the server's chain.
 */
public final class Ja4Plus {
    /** A capture holds a few servers, each answering a kind of client the same way: fingerprinted once each. */
    private static final Memo<ByteKey, String> JA4S = new Memo<>(4096);

    private Ja4Plus() {
    }

    public static Fingerprinters fingerprinters() {
        return new Fingerprinters(List.of(
                new Connection("ja4s", r -> r.serverHello() == null ? null
                        : JA4S.get(ServerHelloKey.of(r.serverHello()), k -> Ja4s.of(r.serverHello()).fingerprint()))),
                List.of(new Certificate("ja4x", der -> {
                    Ja4x x = Ja4x.of(der);
                    return x == null ? null : x.fingerprint();
                })));
    }

    private record Connection(String name, Function<ConnectionReport, String> compute) implements Fingerprinter {
        @Override
        public String of(ConnectionReport report) {
            return compute.apply(report);
        }
    }

    private record Certificate(String name, Function<Slice, String> compute) implements CertificateFingerprinter {
        @Override
        public String of(Slice der) {
            return compute.apply(der);
        }
    }
}
