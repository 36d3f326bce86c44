package org.tlsscope.lab.keylog;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCipher;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * Bouncy Castle's lightweight TLS crypto, with a tap that copies each session's secrets into the key log
 * at the one moment they all exist: when the record layer asks for a cipher.
 *
 * <p>BC derives the keys for a new epoch and then calls {@link #createCipher}: in TLS 1.0 to 1.2 once per
 * handshake, after the master secret (RFC 5246 section 8.1); in TLS 1.3 twice, first with the handshake
 * traffic secrets in {@code SecurityParameters.getTrafficSecretClient/Server()}, then with the application
 * traffic secrets, which replace them (RFC 8446 section 7.1). The handshake secrets are gone once the
 * handshake ends, so no later hook could log them. The exporter secret is derived after the second
 * cipher and is logged at {@link #handshakeComplete}.
 *
 * <p>{@code TlsSecret.extract()} destroys the secret it reads, so each one is copied first
 * ({@code adoptSecret}). One tap per connection: it counts that connection's TLS 1.3 phases.
 *
 * <p>A TLS 1.3 KeyUpdate derives the next application traffic secret from the current one (RFC 8446
 * section 7.2), so the key log's {@code _0} secrets open everything after it: the tap logs nothing new,
 * but tells {@code events} of each update, which BC reports nowhere else.
 *
 * <p>When the connection is gone, {@link #connectionEnded} tells the sink which client randoms it logged, so that a
 * live analysis holding them in memory can drop them.
 */
public final class SecretTap extends BcTlsCrypto {
    private final KeyLogSink sink;
    private final Consumer<String> events;
    private int ciphers13;
    /** The client randoms logged under: one, unless a TLS 1.2 connection renegotiated. */
    private final List<byte[]> randoms = new ArrayList<>(1);

    /** {@code events}: a line for each TLS 1.3 key update, sent or received. */
    public SecretTap(SecureRandom random, KeyLogSink sink, Consumer<String> events) {
        super(random);
        this.sink = sink;
        this.events = events;
    }

    @Override
    public TlsCipher createCipher(TlsCryptoParameters params, int encryptionAlgorithm, int macAlgorithm)
            throws IOException {
        SecurityParameters sp = params.getSecurityParametersHandshake();
        if (sp != null) {
            byte[] random = sp.getClientRandom();
            if (randoms.stream().noneMatch(r -> Arrays.equals(r, random))) {
                randoms.add(random.clone());
            }
            if (TlsUtils.isTLSv13(sp.getNegotiatedVersion())) {
                boolean handshake = ciphers13++ == 0;
                sink.log(handshake ? "CLIENT_HANDSHAKE_TRAFFIC_SECRET" : "CLIENT_TRAFFIC_SECRET_0", random,
                        copy(sp.getTrafficSecretClient()));
                sink.log(handshake ? "SERVER_HANDSHAKE_TRAFFIC_SECRET" : "SERVER_TRAFFIC_SECRET_0", random,
                        copy(sp.getTrafficSecretServer()));
            } else {
                sink.log("CLIENT_RANDOM", random, copy(sp.getMasterSecret()));
            }
        }
        TlsCipher cipher = super.createCipher(params, encryptionAlgorithm, macAlgorithm);
        return sp != null && TlsUtils.isTLSv13(sp.getNegotiatedVersion()) ? new KeyUpdateWatch(cipher, events) : cipher;
    }

    /** Called by the endpoint's notifyHandshakeComplete: the TLS 1.3 exporter secret exists now. */
    public void handshakeComplete(TlsContext context) {
        SecurityParameters sp = context.getSecurityParametersConnection();
        if (sp != null && TlsUtils.isTLSv13(sp.getNegotiatedVersion()) && sp.getExporterMasterSecret() != null) {
            sink.log("EXPORTER_SECRET", sp.getClientRandom(), copy(sp.getExporterMasterSecret()));
        }
    }

    /** Called once the connection has ended and all its bytes were recorded: its secrets open nothing more. */
    public void connectionEnded() {
        randoms.forEach(sink::spent);
        randoms.clear();
    }

    private byte[] copy(TlsSecret secret) {
        return adoptSecret(secret).extract();
    }
}
