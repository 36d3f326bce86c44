package org.tlsscope.lab;

import java.security.SecureRandom;
import org.bouncycastle.tls.TlsPeer;
import org.bouncycastle.tls.TlsSession;
import org.tlsscope.lab.engine.Application;
import org.tlsscope.lab.engine.Endpoint;
import org.tlsscope.lab.engine.Recorder;
import org.tlsscope.lab.engine.TlsChannel;
import org.tlsscope.lab.keylog.KeyLogSink;
import org.tlsscope.lab.keylog.SecretTap;
import org.tlsscope.lab.peer.LabClient;
import org.tlsscope.lab.pki.LabPki;

/** One outgoing connection's setup: a {@link LabClient}, optionally resuming an earlier session. */
public final class ClientEndpoint implements Endpoint {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final LabPki pki;
    private final TlsOptions options;
    private final KeyLogSink keyLog;
    private final Recorder recorder;
    private final Application application;
    private final TlsSession resume;
    private LabClient client;

    public ClientEndpoint(LabPki pki, TlsOptions options, KeyLogSink keyLog, Recorder recorder,
                          Application application, TlsSession resume) {
        this.pki = pki;
        this.options = options;
        this.keyLog = keyLog;
        this.recorder = recorder;
        this.application = application;
        this.resume = resume;
    }

    @Override
    public TlsPeer peer(TlsChannel channel) {
        client = new LabClient(new SecretTap(RANDOM, keyLog, channel::event), options, pki, channel::event, resume);
        return client;
    }

    @Override
    public Application application(TlsChannel channel) {
        return application;
    }

    @Override
    public Recorder recorder() {
        return recorder;
    }

    /** The session the handshake established (to resume later); null before it completes. */
    public TlsSession session() {
        return client == null ? null : client.session();
    }
}
