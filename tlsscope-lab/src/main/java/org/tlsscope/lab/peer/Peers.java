package org.tlsscope.lab.peer;

import java.io.IOException;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.ProtocolName;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsContext;
import org.tlsscope.lab.TlsNames;

/** What client and server share: option conversions and the lines they log. */
final class Peers {
    private Peers() {
    }

    static ProtocolVersion[] versions(List<ProtocolVersion> versions) {
        return versions.toArray(ProtocolVersion[]::new);
    }

    static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    static Vector<ProtocolName> protocolNames(List<String> alpn) {
        if (alpn.isEmpty()) {
            return null;
        }
        Vector<ProtocolName> v = new Vector<>();
        alpn.forEach(a -> v.add(ProtocolName.asUtf8Encoding(a)));
        return v;
    }

    /** {@code handshake complete: TLS 1.2, TLS_..., x25519, ALPN h2, resumed}. */
    static String established(TlsContext context) {
        SecurityParameters sp = context.getSecurityParametersConnection();
        StringBuilder b = new StringBuilder("handshake complete: ").append(sp.getNegotiatedVersion().getName())
                .append(", ").append(TlsNames.cipherSuiteName(sp.getCipherSuite()));
        if (sp.getNegotiatedGroup() >= 0) {
            b.append(", ").append(TlsNames.groupName(sp.getNegotiatedGroup()));
        }
        if (sp.getApplicationProtocol() != null) {
            b.append(", ALPN ").append(sp.getApplicationProtocol().getUtf8Decoding());
        }
        if (sp.isResumedSession()) {
            b.append(", resumed session");
        }
        return b.toString();
    }

    static String alert(String direction, short level, short description, String message) {
        return "alert " + direction + ": " + AlertLevel.getText(level) + " " + AlertDescription.getText(description)
                + (message != null ? " (" + message + ")" : "");
    }

    /** An alert we raise, with BC's reason and what caused it, in one line. */
    static String raised(String direction, short level, short description, String message, Throwable cause) {
        String detail = cause == null ? null : TlsNames.errorDetail(cause);
        return alert(direction, level, description, detail == null ? message : message + ": " + detail);
    }

    /** The subject of the first certificate of a chain, or a note that there was none. */
    static String subject(org.bouncycastle.tls.Certificate chain) throws IOException {
        if (chain == null || chain.isEmpty()) {
            return "no certificate";
        }
        return Certificate.getInstance(chain.getCertificateAt(0).getEncoded()).getSubject().toString();
    }
}
