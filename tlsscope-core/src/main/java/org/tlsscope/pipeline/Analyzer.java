package org.tlsscope.pipeline;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tlsscope.analysis.CaptureStats;
import org.tlsscope.analysis.Finding;
import org.tlsscope.analysis.Severity;
import org.tlsscope.bytes.Slice;
import org.tlsscope.capture.CaptureProblem;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.DecryptionSecrets;
import org.tlsscope.decrypt.Decryption;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.capture.Frame;
import org.tlsscope.net.PacketDecoder;
import org.tlsscope.net.TcpSegment;
import org.tlsscope.tcp.ConnectionListener;
import org.tlsscope.tcp.Direction;
import org.tlsscope.tcp.StreamHandler;
import org.tlsscope.tcp.TcpConnection;
import org.tlsscope.tcp.TcpLimits;
import org.tlsscope.tcp.TcpReassembler;
import org.tlsscope.tls.connection.TlsConnection;
import org.tlsscope.tls.connection.TlsListener;

/**
 * The pipeline, end to end: capture, link and IP decoding, TCP reassembly, the TLS layer, and the
 * listener (a view) that receives records, findings and connection reports as they happen. One pass,
 * streaming: state lives per open connection and is dropped when the connection ends.
 */
public final class Analyzer {
    private Analyzer() {
    }

    /** Reads the capture to its end and reports everything to {@code listener}. */
    public static CaptureStats run(CaptureReader reader, TlsListener listener) throws IOException {
        return run(reader, listener, null);
    }

    /**
     * Same, opening protected records with {@code decryption}'s keys. Without keys (null), the key logs of
     * the capture's own Decryption Secrets Blocks are used when there are any.
     */
    public static CaptureStats run(CaptureReader reader, TlsListener view, Decryption decryption) throws IOException {
        // A view that reads no records gets the analysis stage on a thread of its own (HandOff says why).
        HandOff handOff = view.wantsRecords() ? null : new HandOff(new AnalysisStage(view));
        TlsListener listener = handOff != null ? handOff : new AnalysisStage(view);
        Connections connections = new Connections(listener, decryption);
        PacketDecoder decoder = new PacketDecoder(view.wantsLayers());
        TcpReassembler tcp = new TcpReassembler(connections, TcpLimits.DEFAULT);
        reader.whileWaiting(quiet -> {
            tcp.quiet(quiet);
            if (handOff != null) {
                handOff.flush();
            }
        });
        long frames = 0;
        long bytes = 0;
        long lastFrame = 0;
        for (Frame f = reader.next(); f != null; f = reader.next()) {
            frames++;
            bytes += f.data().length();
            lastFrame = f.number();
            connections.takeSecrets(reader.decryptionSecrets());
            TcpSegment segment = decoder.decode(f);
            if (segment != null) {
                tcp.accept(segment);
            }
        }
        tcp.finish(lastFrame);
        CaptureProblem problem = reader.problem().orElse(null);
        if (problem != null) {
            listener.onFinding(new Finding("capture.truncated", Severity.WARNING, 0, lastFrame, problem.fileOffset(),
                    "capture ends early: " + problem, null));
        }
        CaptureStats stats = new CaptureStats(reader.format(), frames, bytes, connections.tcpCount,
                connections.tlsCount, problem);
        listener.onCaptureEnd(stats);
        return stats;
    }

    /** A bug met in one connection, as the finding that reports it: {@code what} says when, and what it cost. */
    static Finding internalError(int connection, long frame, RuntimeException e, String what) {
        return new Finding("tlsscope.internal_error", Severity.ERROR, connection, frame, -1,
                "internal error " + what + " (" + e + ")", null);
    }

    /** Gives each TCP connection its TLS layer, and routes TCP problems to it. */
    private static final class Connections implements ConnectionListener {
        private final TlsListener listener;
        private final Map<Integer, TlsConnection> open = new HashMap<>();
        private Decryption decryption;
        private int secretsTaken;
        int tcpCount;
        int tlsCount;

        Connections(TlsListener listener, Decryption decryption) {
            this.listener = listener;
            this.decryption = decryption;
        }

        /** Decryption Secrets Blocks precede the packets they open (pcapng spec section 4.7): take new ones. */
        void takeSecrets(List<DecryptionSecrets> secrets) {
            while (secretsTaken < secrets.size()) {
                if (decryption == null) {
                    decryption = new Decryption(new KeyLog(), new RsaKeys());
                }
                decryption.add(secrets.get(secretsTaken++));
            }
        }

        @Override
        public StreamHandler onConnection(TcpConnection connection, TcpSegment first) {
            tcpCount++;
            TlsConnection tls = new TlsConnection(connection, listener,
                    decryption == null ? null : decryption.forConnection(connection));
            open.put(connection.id(), tls);
            // Each step guarded where it is called, not through a closure: one made per segment costs more than
            // the try itself, in the interpreted and lightly compiled code a short run spends its time in.
            return new StreamHandler() {
                private boolean failed;

                @Override
                public void onData(Direction direction, Slice data, TcpSegment segment) {
                    if (failed) {
                        return;
                    }
                    try {
                        tls.onData(direction, data, segment);
                    } catch (RuntimeException e) {
                        fail(segment.frame().number(), e);
                    }
                }

                @Override
                public void onGap(Direction direction, long missing, long frame) {
                    if (failed) {
                        return;
                    }
                    try {
                        tls.onGap(direction, missing, frame);
                    } catch (RuntimeException e) {
                        fail(frame, e);
                    }
                }

                @Override
                public void onEnd(EndReason reason, long frame) {
                    open.remove(connection.id());
                    if (!failed) {
                        try {
                            tls.onEnd(reason, frame);
                        } catch (RuntimeException e) {
                            fail(frame, e);
                        }
                    }
                    if (tls.isTls()) {
                        tlsCount++;
                    }
                }

                /**
                 * A bug met in one connection must not cost the user the others: it becomes a finding,
                 * the rest of that connection is skipped, and the capture goes on.
                 */
                private void fail(long frame, RuntimeException e) {
                    failed = true;
                    listener.onFinding(internalError(connection.id(), frame, e,
                            "while dissecting this connection; the rest of it is skipped"));
                }
            };
        }

        @Override
        public void onTcpProblem(TcpConnection connection, Direction direction, long frame, String code, String message) {
            TlsConnection tls = open.get(connection.id());
            if (tls != null && tls.isTls()) {
                tls.tcpProblem(code, frame, direction.sender() + " stream: " + message);
            }
        }
    }
}
