package org.tlsscope.lab.peer;

import org.bouncycastle.tls.NewSessionTicket;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.util.encoders.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExtensionType;
import org.bouncycastle.tls.NameType;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.util.Integers;
import org.tlsscope.lab.TlsOptions;
import org.tlsscope.lab.engine.Negotiated;
import org.tlsscope.lab.keylog.SecretTap;
import org.tlsscope.lab.pki.LabPki;

/**
 * The lab's TLS client. Like {@code openssl s_client} it does not verify the server's certificate (it
 * reports its subject): the lab talks to its own test CA and to servers under test.
 */
public final class LabClient extends DefaultTlsClient implements Negotiated {
    private final SecretTap tap;
    private final TlsOptions options;
    private final Credentials credentials;
    private final PeerEvents events;
    private final TlsSession resume;
    private TlsSession session;

    /** {@code resume}: a session of an earlier connection to offer (RFC 5246 section 7.4.1.2), or null. */
    public LabClient(SecretTap tap, TlsOptions options, LabPki pki, PeerEvents events, TlsSession resume) {
        super(tap);
        this.tap = tap;
        this.options = options;
        this.credentials = new Credentials(pki.client(), new LabPki.Identity(pki.ca(), null));
        this.events = events;
        this.resume = resume;
    }

    /** The session established, for a later connection to resume; null before the handshake ends. */
    public TlsSession session() {
        return session;
    }

    @Override
    public SecurityParameters negotiated() {
        return context == null ? null : context.getSecurityParametersConnection();
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return Peers.versions(options.versions());
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return options.cipherSuites().isEmpty() ? super.getSupportedCipherSuites() : Peers.ints(options.cipherSuites());
    }

    @Override
    protected Vector getSupportedGroups(Vector namedGroupRoles) {
        if (options.groups().isEmpty()) {
            return super.getSupportedGroups(namedGroupRoles);
        }
        Vector<Integer> groups = new Vector<>();
        options.groups().forEach(groups::add);
        return groups;
    }

    @Override
    protected Vector getSNIServerNames() {
        if (options.sni() == null || options.bareHello()) {
            return null;
        }
        Vector<ServerName> names = new Vector<>();
        names.add(new ServerName(NameType.host_name, options.sni().getBytes(StandardCharsets.US_ASCII)));
        return names;
    }

    @Override
    protected Vector getProtocolNames() {
        return Peers.protocolNames(options.alpn());
    }

    @Override
    public boolean shouldUseExtendedMasterSecret() {
        return !options.bareHello();
    }

    @Override
    public Hashtable getClientExtensions() throws IOException {
        Hashtable<Integer, byte[]> extensions = options.bareHello() ? new Hashtable<>() : super.getClientExtensions();
        boolean pre13 = options.versions().stream().anyMatch(v -> !TlsUtils.isTLSv13(v));
        if (options.tickets() && pre13) {
            // An empty SessionTicket extension asks the server for a ticket (RFC 5077 section 3.2).
            extensions.put(Integers.valueOf(ExtensionType.session_ticket), TlsUtils.EMPTY_BYTES);
        }
        return extensions;
    }

    @Override
    public TlsSession getSessionToResume() {
        return resume;
    }

    @Override
    public void notifyHandshakeBeginning() throws IOException {
        super.notifyHandshakeBeginning();
        events.event("ClientHello: offering " + options.versions().getFirst().getName()
                + (resume != null ? ", resuming session " + Hex.toHexString(resume.getSessionID()) : ""));
    }

    @Override
    public void notifyServerVersion(ProtocolVersion serverVersion) throws IOException {
        super.notifyServerVersion(serverVersion);
        events.event("ServerHello: " + serverVersion.getName());
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                events.event("server certificate: " + Peers.subject(serverCertificate.getCertificate())
                        + " (not verified)");
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                if (!options.clientAuth()) {
                    events.event("CertificateRequest: answering with no certificate");
                    return null;
                }
                events.event("CertificateRequest: sending the lab client certificate");
                return credentials.signer(context, (BcTlsCrypto) getCrypto(),
                        request.getSupportedSignatureAlgorithms());
            }
        };
    }

    @Override
    public void notifyNewSessionTicket(NewSessionTicket ticket) throws IOException {
        events.event("NewSessionTicket: " + ticket.getTicket().length + " bytes, lifetime " + ticket.getTicketLifetimeHint() + " s");
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        tap.handshakeComplete(context);
        session = context.getSession();
        events.event(Peers.established(context));
    }

    @Override
    public void notifyAlertRaised(short level, short description, String message, Throwable cause) {
        events.event(Peers.raised("sent", level, description, message, cause));
    }

    @Override
    public void notifyAlertReceived(short level, short description) {
        events.event(Peers.alert("received", level, description, null));
    }
}
