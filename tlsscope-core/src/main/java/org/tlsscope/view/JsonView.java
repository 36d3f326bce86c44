package org.tlsscope.view;

import java.io.PrintWriter;
import org.tlsscope.analysis.Finding;
import org.tlsscope.analysis.cert.ChainCheck;
import org.tlsscope.analysis.fingerprint.CertificateFingerprinter;
import org.tlsscope.analysis.fingerprint.Fingerprinter;
import org.tlsscope.analysis.fingerprint.Fingerprinters;
import org.tlsscope.analysis.fingerprint.HelloFingerprints;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.DecryptionStatus;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.connection.TlsListener;
import org.tlsscope.tls.handshake.ParsedMessage;
import org.tlsscope.tls.registry.Registries;

/**
 * JSON Lines: one object per line, each with a {@code type} of "record", "finding" or "connection".
 * The contract is documented in the README and kept stable: fields are added, never renamed or removed.
 */
public final class JsonView implements TlsListener {
    private final PrintWriter out;
    private final Fingerprinters fingerprinters;
    /** One writer for every line: a record's line runs to kilobytes, and a fresh buffer would grow each time. */
    private final Json json = new Json();

    public JsonView(PrintWriter out) {
        this(out, Fingerprinters.NONE);
    }

    /** @param fingerprinters fingerprints printed beside the core's JA3, JA3S and JA4 (JA4S, JA4X) */
    public JsonView(PrintWriter out, Fingerprinters fingerprinters) {
        this.out = out;
        this.fingerprinters = fingerprinters;
    }

    @Override
    public boolean wantsFields() {
        return true;
    }

    @Override
    public void onRecord(RecordEvent e) {
        Json j = json.reset().open().field("type", "record").field("connection", e.connection().id())
                .field("frame", e.frame()).field("from", e.direction().sender()).field("index", e.index())
                .field("flight", e.flight()).field("stream_offset", e.record().streamOffset())
                .field("content_type", Registries.CONTENT_TYPES.name(e.record().header().contentType()))
                .field("content_type_id", e.record().header().contentType())
                .field("version", Registries.PROTOCOL_VERSIONS.name(e.record().header().version()))
                .field("version_id", e.record().header().version())
                .field("length", e.record().header().length())
                .field("encrypted", e.encrypted())
                .field("decrypted", e.decrypted())
                .fieldOrNull("plaintext_length", e.decrypted() ? e.plaintext().length() : null)
                .field("label", e.label())
                .fields("fields", e.fields());
        j.beginArray("messages");
        for (ParsedMessage m : e.messages()) {
            j.element().field("type", m.name()).field("type_id", m.raw().type())
                    .field("record_offset", m.raw().recordOffset()).field("length", m.raw().bytes().length())
                    .field("records", m.raw().recordsSpanned());
            if (m.malformed()) {
                j.key("malformed").open().field("offset", m.error().offset()).field("alert", m.error().alert())
                        .field("reason", m.error().reason()).close();
            }
            j.fields("fields", m.fields()).close();
        }
        j.endArray().close().printTo(out);
    }

    @Override
    public void onFinding(Finding f) {
        finding(json.reset().open().field("type", "finding"), f).close().printTo(out);
    }

    @Override
    public void onConnectionEnd(ConnectionReport r) {
        Json j = json.reset().open().field("type", "connection").field("connection", r.connection().id())
                .field("client", r.connection().client().toString())
                .field("server", r.connection().server().toString())
                .field("first_frame", r.connection().firstFrame()).field("last_frame", r.lastFrame())
                .field("version", Names.version(r.version()))
                .fieldOrNull("version_id", r.version() == 0 ? null : r.version())
                .field("cipher_suite", Names.cipherSuite(r.cipherSuite()))
                .fieldOrNull("cipher_suite_id", r.cipherSuite() < 0 ? null : r.cipherSuite())
                .field("sni", r.sni()).field("alpn", r.alpn());
        j.beginArray("alpn_offered");
        r.offeredAlpn().forEach(j::stringElement);
        j.endArray();
        j.beginArray("messages");
        for (ConnectionReport.MessageSeen m : r.messages()) {
            j.element().field("from", m.from()).field("type", m.type()).field("frame", m.frame()).close();
        }
        j.endArray().field("encrypted_handshake_records", r.encryptedHandshakeRecords());
        j.beginArray("alerts");
        for (ConnectionReport.AlertSeen a : r.alerts()) {
            j.element().field("from", a.from()).field("level", Names.alertLevel(a.level()))
                    .field("description", Names.alertDescription(a.description())).field("frame", a.frame()).close();
        }
        j.endArray().field("resumed", r.resumed()).field("established", r.established());
        DecryptionStatus d = r.decryption();
        boolean decrypted = d != null && d.decrypted();
        j.key("app_data").open().field("client_bytes", r.clientAppBytes()).field("server_bytes", r.serverAppBytes())
                .fieldOrNull("client_plaintext_bytes", d != null && d.recordsOpened() > 0 ? d.clientPlaintextBytes() : null)
                .fieldOrNull("server_plaintext_bytes", d != null && d.recordsOpened() > 0 ? d.serverPlaintextBytes() : null)
                .close();
        j.field("decrypted", decrypted).field("decryption", d == null ? Names.NO_KEYS : d.reason());
        if (d != null) {
            j.key("verification").open().field("key_source", d.keySource())
                    .field("records_opened", d.recordsOpened()).field("records_failed", d.recordsFailed())
                    .field("client_finished", d.clientFinished().jsonName())
                    .field("server_finished", d.serverFinished().jsonName()).close();
        }
        fingerprints(j, r);
        CertificateJson.write(j, ChainCheck.of(r));
        j.beginArray("findings");
        for (Finding f : r.findings()) {
            finding(j.element(), f).close();
        }
        j.endArray().field("findings_dropped", r.findingsDropped()).close().printTo(out);
    }

    /**
     * "ja3", "ja3s", "ja4" and their strings ("ja3_full", "ja3s_full", "ja4_r", "ja4_o", "ja4_ro"), null
     * without the hello; then each extra fingerprinter's key, and each certificate fingerprinter's as an
     * array over the server's chain.
     */
    private void fingerprints(Json j, ConnectionReport r) {
        HelloFingerprints f = HelloFingerprints.of(r);
        j.field("ja3", f.ja3() == null ? null : f.ja3().hash()).field("ja3_full", f.ja3() == null ? null : f.ja3().full())
                .field("ja3s", f.ja3s() == null ? null : f.ja3s().hash())
                .field("ja3s_full", f.ja3s() == null ? null : f.ja3s().full())
                .field("ja4", f.ja4() == null ? null : f.ja4().fingerprint()).field("ja4_r", f.ja4() == null ? null : f.ja4().raw())
                .field("ja4_o", f.ja4() == null ? null : f.ja4().original())
                .field("ja4_ro", f.ja4() == null ? null : f.ja4().originalRaw());
        for (Fingerprinter p : fingerprinters.connection()) {
            j.field(p.name(), p.of(r));
        }
        for (CertificateFingerprinter p : fingerprinters.certificate()) {
            j.beginArray(p.name());
            r.serverCertificates().forEach(der -> j.stringElement(p.of(der)));
            j.endArray();
        }
    }

    private static Json finding(Json j, Finding f) {
        return j.field("code", f.code()).field("severity", f.severity().label()).field("connection", f.connection())
                .field("frame", f.frame()).field("offset", f.offset()).field("message", f.message())
                .field("reference", f.reference());
    }
}
