package org.tlsscope.tls.handshake;

import java.util.ArrayList;
import java.util.List;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.ext.Extension;
import org.tlsscope.tls.ext.ExtensionsReader;

/**
 * Certificate: a chain of DER certificates, leaf first. TLS 1.2 form (RFC 5246 section 7.4.2) or TLS 1.3
 * form (RFC 8446 section 4.4.2: a request context, and per-entry extensions).
 *
 * @param requestContext the TLS 1.3 certificate_request_context, null in the TLS 1.2 form
 */
public record Certificate(Slice requestContext, List<Entry> certificateList) implements HandshakeMessage {
    /** One CertificateEntry: the DER bytes, kept as a slice, and (TLS 1.3) its extensions. */
    public record Entry(Slice certData, List<Extension> extensions) {
    }

    @Override
    public int type() {
        return HandshakeType.CERTIFICATE;
    }

    @Override
    public String name() {
        return "certificate";
    }

    static Certificate parse(FieldReader r, DissectionContext ctx) {
        Slice context = ctx.tls13() ? r.vector8("certificate_request_context", null) : null;
        int len = r.u24("certificate_list_length", v -> v + " bytes");
        FieldReader list = r.sub(len, "certificate_list");
        List<Entry> entries = new ArrayList<>();
        while (list.hasRemaining()) {
            int n = list.u24("cert_data_length", v -> v + " bytes");
            Slice der = list.bytes("cert_data", n, "DER certificate, " + n + " bytes");
            List<Extension> exts = ctx.tls13() ? ExtensionsReader.read(list, HandshakeType.CERTIFICATE, false) : List.of();
            entries.add(new Entry(der, exts));
        }
        r.group("certificate_list", r.offset() - len, len, null, entries.size() + " certificates", list);
        r.expectEnd("certificate");
        return new Certificate(context, List.copyOf(entries));
    }
}
