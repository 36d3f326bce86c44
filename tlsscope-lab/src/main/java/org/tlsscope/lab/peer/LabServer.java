package org.tlsscope.lab.peer;

import org.bouncycastle.util.encoders.Hex;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExtensionType;
import org.bouncycastle.tls.NewSessionTicket;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsCredentialedDecryptor;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.util.Integers;
import org.tlsscope.lab.TlsOptions;
import org.tlsscope.lab.engine.Negotiated;
import org.tlsscope.lab.keylog.SecretTap;
import org.tlsscope.lab.pki.LabPki;

/**
 * The lab's TLS server: the lab server certificate (RSA, so key transport and RSA signatures both work),
 * session IDs with a shared cache for resumption, and, when asked, opaque session tickets and a client
 * certificate request. Bouncy Castle's server cannot resume from a ticket, so a ticket is issued (the
 * post's flights show one) but a client resumes by session ID.
 */
public final class LabServer extends DefaultTlsServer implements Negotiated {
    /** The ticket lifetime hint (RFC 5077 section 3.3): two hours, as OpenSSL. */
    private static final long TICKET_LIFETIME = 7200;
    private final SecretTap tap;
    private final TlsOptions options;
    private final Credentials credentials;
    private final SessionCache sessions;
    private final PeerEvents events;
    private final SecureRandom random = new SecureRandom();

    public LabServer(SecretTap tap, TlsOptions options, LabPki pki, SessionCache sessions, PeerEvents events) {
        super(tap);
        this.tap = tap;
        this.options = options;
        this.credentials = new Credentials(pki.server(), new LabPki.Identity(pki.ca(), null));
        this.sessions = sessions;
        this.events = events;
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
    public int[] getSupportedGroups() throws IOException {
        return options.groups().isEmpty() ? super.getSupportedGroups() : Peers.ints(options.groups());
    }

    @Override
    protected Vector getProtocolNames() {
        return Peers.protocolNames(options.alpn());
    }

    @Override
    public void notifyClientVersion(ProtocolVersion clientVersion) throws IOException {
        super.notifyClientVersion(clientVersion);
        events.event("ClientHello: client offers up to " + clientVersion.getName());
    }

    @Override
    public ProtocolVersion getServerVersion() throws IOException {
        ProtocolVersion v = super.getServerVersion();
        events.event("ServerHello: " + v.getName());
        return v;
    }

    @Override
    public TlsSession getSessionToResume(byte[] sessionID) {
        TlsSession s = sessions.get(sessionID);
        if (s != null) {
            events.event("resuming session " + Hex.toHexString(sessionID));
        }
        return s;
    }

    @Override
    public byte[] getNewSessionID() {
        byte[] id = new byte[32];
        random.nextBytes(id);
        return id;
    }

    @Override
    public Hashtable getServerExtensions() throws IOException {
        Hashtable<Integer, byte[]> extensions = super.getServerExtensions();
        Integer ticket = Integers.valueOf(ExtensionType.session_ticket);
        ProtocolVersion v = context.getSecurityParametersHandshake().getNegotiatedVersion();
        if (options.tickets() && !TlsUtils.isTLSv13(v) && clientExtensions != null && clientExtensions.containsKey(ticket)) {
            // An empty extension in ServerHello promises a NewSessionTicket (RFC 5077 section 3.2).
            extensions.put(ticket, TlsUtils.EMPTY_BYTES);
        }
        return extensions;
    }

    @Override
    public NewSessionTicket getNewSessionTicket() {
        // Opaque to the client (RFC 5077 section 3.3); random bytes the size of OpenSSL's encrypted tickets.
        byte[] ticket = new byte[160];
        random.nextBytes(ticket);
        events.event("NewSessionTicket: " + ticket.length + " bytes");
        return new NewSessionTicket(TICKET_LIFETIME, ticket);
    }

    @Override
    public TlsCredentials getCredentials() throws IOException {
        // TLS 1.3 suites name no key exchange: the certificate signs (RFC 8446 section 4.4.3).
        return TlsUtils.isTLSv13(context.getSecurityParametersHandshake().getNegotiatedVersion())
                ? getRSASignerCredentials() : super.getCredentials();
    }

    @Override
    protected TlsCredentialedDecryptor getRSAEncryptionCredentials() throws IOException {
        return credentials.decryptor((BcTlsCrypto) getCrypto(), context.getSecurityParametersHandshake().getNegotiatedVersion());
    }

    @Override
    protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
        return credentials.signer(context, (BcTlsCrypto) getCrypto(), context.getSecurityParametersHandshake().getClientSigAlgs());
    }

    @Override
    public CertificateRequest getCertificateRequest() throws IOException {
        if (!options.clientAuth()) {
            return null;
        }
        ProtocolVersion v = context.getSecurityParametersHandshake().getNegotiatedVersion();
        Vector<?> schemes = TlsUtils.isSignatureAlgorithmsExtensionAllowed(v) ? TlsUtils.getDefaultSupportedSignatureAlgorithms(context) : null;
        events.event("CertificateRequest sent");
        return TlsUtils.isTLSv13(v) ? new CertificateRequest(TlsUtils.EMPTY_BYTES, schemes, null, null)
                : new CertificateRequest(new short[] {ClientCertificateType.rsa_sign}, schemes, null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        events.event("client certificate: " + Peers.subject(clientCertificate) + " (not verified)");
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        tap.handshakeComplete(context);
        sessions.put(context.getSession());
        events.event(Peers.established(context));
    }

    @Override
    public void notifyAlertRaised(short level, short description, String message, Throwable cause) {
        // BC writes nothing, not even an alert, before a ClientHello it could read a version from (its
        // RecordStream.writeRecord drops records while no write version is set).
        boolean written = context.getClientSupportedVersions() != null;
        events.event(Peers.raised(written ? "sent" : "not sent (no readable ClientHello yet)", level, description, message, cause));
    }

    @Override
    public void notifyAlertReceived(short level, short description) {
        events.event(Peers.alert("received", level, description, null));
    }
}
