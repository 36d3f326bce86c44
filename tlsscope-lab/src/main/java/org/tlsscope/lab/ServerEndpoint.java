package org.tlsscope.lab;

import java.security.SecureRandom;
import java.util.function.Function;
import org.bouncycastle.tls.TlsPeer;
import org.tlsscope.lab.engine.Application;
import org.tlsscope.lab.engine.Endpoint;
import org.tlsscope.lab.engine.Recorder;
import org.tlsscope.lab.engine.TlsChannel;
import org.tlsscope.lab.keylog.KeyLogSink;
import org.tlsscope.lab.keylog.SecretTap;
import org.tlsscope.lab.peer.LabServer;
import org.tlsscope.lab.peer.SessionCache;
import org.tlsscope.lab.pki.LabPki;

/** A listener's setup: every accepted connection gets a {@link LabServer} and a fresh application. */
public final class ServerEndpoint implements Endpoint {
    private static final int SESSIONS = 10_000;
    private final LabPki pki;
    private final TlsOptions options;
    private final KeyLogSink keyLog;
    private final Recorder recorder;
    private final Function<TlsChannel, Application> applications;
    private final SessionCache sessions = new SessionCache(SESSIONS);
    private final SecureRandom random = new SecureRandom();

    public ServerEndpoint(LabPki pki, TlsOptions options, KeyLogSink keyLog, Recorder recorder,
                          Function<TlsChannel, Application> applications) {
        this.pki = pki;
        this.options = options;
        this.keyLog = keyLog;
        this.recorder = recorder;
        this.applications = applications;
    }

    @Override
    public TlsPeer peer(TlsChannel channel) {
        return new LabServer(new SecretTap(random, keyLog, channel::event), options, pki, sessions, channel::event);
    }

    @Override
    public Application application(TlsChannel channel) {
        return applications.apply(channel);
    }

    @Override
    public Recorder recorder() {
        return recorder;
    }
}
