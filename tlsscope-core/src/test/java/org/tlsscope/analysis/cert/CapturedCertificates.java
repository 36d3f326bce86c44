package org.tlsscope.analysis.cert;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tlsscope.bytes.Slice;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.decrypt.Decryption;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.testing.RecordingListener;
import org.tlsscope.tls.handshake.Certificate;
import org.tlsscope.tls.handshake.ParsedMessage;

/** Runs the pipeline over a capture (decrypting with a key log when given) and keeps what it reported. */
final class CapturedCertificates {
    private CapturedCertificates() {
    }

    static RecordingListener analyze(Path capture, Path keys) throws IOException {
        Decryption decryption = null;
        if (keys != null) {
            KeyLog keyLog = new KeyLog();
            keyLog.load(keys);
            decryption = new Decryption(keyLog, new RsaKeys());
        }
        RecordingListener recording = new RecordingListener(false);
        try (CaptureReader reader = Captures.open(capture)) {
            Analyzer.run(reader, recording, decryption);
        }
        return recording;
    }

    /** Every distinct DER certificate of every Certificate message, client's and server's, by SHA-256. */
    static List<Slice> all(Path capture, Path keys) throws IOException {
        Map<String, Slice> byDigest = new LinkedHashMap<>();
        for (var record : analyze(capture, keys).records) {
            for (ParsedMessage m : record.messages()) {
                if (!m.malformed() && m.message() instanceof Certificate c) {
                    for (Certificate.Entry e : c.certificateList()) {
                        Slice der = Slice.of(e.certData().toArray());
                        byDigest.putIfAbsent(CertificateParser.parse(der).sha256(), der);
                    }
                }
            }
        }
        return List.copyOf(byDigest.values());
    }
}
