package org.tlsscope.lab.app;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.tls.SecurityParameters;
import org.tlsscope.lab.TlsNames;
import org.tlsscope.lab.engine.Application;
import org.tlsscope.lab.engine.TlsChannel;

/**
 * The server's application, like {@code openssl s_server -www}: a request that starts with {@code GET }
 * gets an HTTP/1.0 page describing the session, then close_notify; anything else is echoed back.
 * A slow reader holds the echo back (the loop stops reading while the output backlog is high).
 */
public final class Responder implements Application {
    private final StringBuilder request = new StringBuilder();
    private boolean echo;

    @Override
    public void onData(TlsChannel channel, byte[] data) {
        if (echo) {
            channel.write(data);
            return;
        }
        request.append(new String(data, StandardCharsets.ISO_8859_1));
        if (request.length() >= 4 && !request.toString().startsWith("GET ")) {
            echo = true;
            channel.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        // RFC 9112 section 2.2: the request head ends with an empty line.
        if (request.indexOf("\r\n\r\n") >= 0 || request.indexOf("\n\n") >= 0) {
            channel.write(page(channel));
            channel.close();
        }
    }

    private static byte[] page(TlsChannel channel) {
        SecurityParameters sp = channel.negotiated();
        String body = "<html><body><pre>\ntlsscope lab server\nProtocol  : " + sp.getNegotiatedVersion().getName()
                + "\nCipher    : " + TlsNames.cipherSuiteName(sp.getCipherSuite())
                + "\nResumed   : " + (sp.isResumedSession() ? "yes" : "no") + "\n</pre></body></html>\n";
        String head = "HTTP/1.0 200 ok\r\nContent-Type: text/html\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n";
        return (head + body).getBytes(StandardCharsets.UTF_8);
    }
}
