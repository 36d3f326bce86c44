package org.tlsscope.view;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tlsscope.analysis.cert.CertificateFindings;
import org.tlsscope.analysis.cert.CertificateInfo;
import org.tlsscope.analysis.cert.CertificateParser;
import org.tlsscope.analysis.cert.ChainCheck;
import org.tlsscope.analysis.cert.ParsedCertificate;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.connection.ConnectionReport;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.connection.TlsListener;
import org.tlsscope.tls.handshake.Certificate;
import org.tlsscope.tls.handshake.ParsedMessage;

/**
 * {@code tlsscope certs}: every certificate of every Certificate message read in the clear or decrypted,
 * client's and server's, field by field, then the server chain's verdict and findings; or, exporting,
 * each distinct certificate written once as {@code DIR/<sha256>.pem}.
 */
public final class CertificatesView implements TlsListener {
    private final PrintWriter out;
    private final Path export;
    private final Map<Integer, List<Chain>> open = new HashMap<>();
    private final Set<String> written = new HashSet<>();
    private int certificates;

    /** A Certificate message: who sent it, in which frame, its DER certificates copied. */
    private record Chain(String from, long frame, List<Slice> der) {
    }

    /** @param export the folder to write PEM files to, or null to list */
    public CertificatesView(PrintWriter out, Path export) {
        this.out = out;
        this.export = export;
    }

    @Override
    public void onRecord(RecordEvent e) {
        for (ParsedMessage m : e.messages()) {
            if (!m.malformed() && m.message() instanceof Certificate c && !c.certificateList().isEmpty()) {
                open.computeIfAbsent(e.connection().id(), id -> new ArrayList<>()).add(new Chain(e.direction().sender(), e.frame(),
                        c.certificateList().stream().map(entry -> Slice.of(entry.certData().toArray())).toList()));
            }
        }
    }

    @Override
    public void onConnectionEnd(ConnectionReport r) {
        List<Chain> chains = open.remove(r.connection().id());
        if (chains == null) {
            return;
        }
        if (export == null) {
            out.printf("connection %d: %s -> %s  sni: %s%n", r.connection().id(), r.connection().client(),
                    r.connection().server(), r.sni() == null ? "-" : r.sni());
        }
        for (Chain chain : chains) {
            for (int i = 0; i < chain.der().size(); i++) {
                certificates++;
                ParsedCertificate c = CertificateParser.parse(chain.der().get(i));
                String where = String.format("connection %d: %s certificate %d (frame %d)", r.connection().id(), chain.from(), i, chain.frame());
                if (export != null) {
                    out.println(where + " -> " + write(c.sha256(), chain.der().get(i)));
                } else {
                    out.println("  " + where.substring(where.indexOf(": ") + 2));
                    fields(c).forEach(line -> out.println("    " + line));
                }
            }
        }
        if (export == null) {
            ChainCheck check = ChainCheck.of(r);
            if (!check.certificates().isEmpty()) {
                out.println("  server chain: " + CertificateLines.verdict(check));
                CertificateFindings.of(r).forEach(f -> out.println("    " + TextView.line(f)));
            }
            out.println();
        }
    }

    /** How many certificates were listed or exported (a certificate sent twice counts twice). */
    public int certificates() {
        return certificates;
    }

    private String write(String sha256, Slice der) {
        Path file = export.resolve(sha256 + ".pem");
        if (!written.add(sha256)) {
            return file + " (already written)";
        }
        // RFC 7468 section 5: base64 in lines of 64 characters between the CERTIFICATE labels.
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der.toArray())
                + "\n-----END CERTIFICATE-----\n";
        try {
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }

    private static List<String> fields(ParsedCertificate certificate) {
        return switch (certificate) {
            case ParsedCertificate.Unparsable u -> List.of("unparsable   " + u.reason(), "sha256       " + u.sha256(), "sha1         " + u.sha1());
            case ParsedCertificate.Readable r -> {
                CertificateInfo c = r.info();
                List<String> lines = new ArrayList<>(List.of("subject      " + c.subject(), "issuer       " + c.issuer(),
                        "serial       " + c.serial(),
                        "validity     " + CertificateLines.TIME.format(c.notBefore()) + " .. " + CertificateLines.TIME.format(c.notAfter()),
                        "key          " + c.key(), "signature    " + c.signatureAlgorithm() + " (" + c.signatureOid() + ")"));
                if (!c.subjectAltNames().isEmpty()) {
                    lines.add("san          " + String.join(", ", c.subjectAltNames().stream().map(CertificateInfo.SubjectAltName::toString).toList()));
                }
                if (c.basicConstraints() != null) {
                    lines.add("constraints  CA:" + (c.basicConstraints().ca() ? "TRUE" : "FALSE")
                            + (c.basicConstraints().pathLength() == null ? "" : ", pathlen:" + c.basicConstraints().pathLength()));
                }
                if (!c.keyUsage().isEmpty()) {
                    lines.add("key usage    " + String.join(", ", c.keyUsage()));
                }
                if (!c.extendedKeyUsage().isEmpty()) {
                    lines.add("ext usage    " + String.join(", ", c.extendedKeyUsage()));
                }
                lines.add("sha256       " + c.sha256());
                lines.add("sha1         " + c.sha1());
                yield lines;
            }
        };
    }
}
