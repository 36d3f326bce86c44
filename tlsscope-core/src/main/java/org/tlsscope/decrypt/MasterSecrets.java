package org.tlsscope.decrypt;

import java.util.HexFormat;
import org.tlsscope.decrypt.cipher.Tls12KeySchedule;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.RsaKeys;
import org.tlsscope.tls.registry.CipherSuite;
import org.tlsscope.tls.registry.KeyExchange;

/**
 * Finds the master secret of an SSL 3.0 to TLS 1.2 handshake, trying every source in turn: the key log
 * by client random, the session it resumes (learned earlier in the capture or from the key log), a
 * logged pre-master secret, and last the server's RSA key on the encrypted pre-master secret. When all
 * fail, the answer says why in terms of this connection.
 */
final class MasterSecrets {
    private final KeyLog keyLog;
    private final RsaKeys rsaKeys;
    private final SessionCache sessions;

    MasterSecrets(KeyLog keyLog, RsaKeys rsaKeys, SessionCache sessions) {
        this.keyLog = keyLog;
        this.rsaKeys = rsaKeys;
        this.sessions = sessions;
    }

    KeyMaterial find(Handshake h) {
        if (h.clientRandom == null) {
            return new KeyMaterial.Missing("capture started after the handshake: no ClientHello, so no client random to find keys by");
        }
        if (!h.serverHelloSeen) {
            return new KeyMaterial.Missing("the ServerHello was not captured: its random and the cipher suite are unknown");
        }
        if (h.spec == null) {
            return new KeyMaterial.Missing(h.unsupported);
        }
        byte[] master = keyLog.masterSecret(h.clientRandom);
        if (master != null) {
            return new KeyMaterial.Found(master, "key log (CLIENT_RANDOM)");
        }
        if (h.encryptedPreMaster == null) {
            KeyMaterial resumed = resumed(h);
            if (resumed != null) {
                return resumed;
            }
        }
        byte[] preMaster = keyLog.preMasterSecret(h.clientRandom);
        if (preMaster != null) {
            return new KeyMaterial.Found(masterFrom(h, preMaster), "key log (PMS_CLIENT_RANDOM)");
        }
        return rsa(h);
    }

    /** An abbreviated handshake: the session's master secret, from an earlier connection or the key log. */
    private KeyMaterial resumed(Handshake h) {
        SessionCache.Session session = sessions.byTicket(h.offeredTicket);
        if (session != null) {
            return new KeyMaterial.Found(session.masterSecret(), "session ticket of connection " + session.connection());
        }
        if (h.resumedById()) {
            session = sessions.bySessionId(h.serverSessionId);
            if (session != null) {
                return new KeyMaterial.Found(session.masterSecret(), "session id of connection " + session.connection());
            }
            byte[] master = keyLog.masterSecretForSessionId(h.serverSessionId.toArray());
            if (master != null) {
                return new KeyMaterial.Found(master, "key log (RSA Session-ID)");
            }
        }
        return null;
    }

    private KeyMaterial rsa(Handshake h) {
        KeyExchange kx = CipherSuite.of(h.suite).keyExchange();
        String random = HexFormat.of().formatHex(h.clientRandom);
        if (h.encryptedPreMaster != null && (kx == KeyExchange.RSA || kx == KeyExchange.RSA_PSK)) {
            byte[] encrypted = h.encryptedPreMaster.toArray();
            byte[] logged = keyLog.preMasterForEncrypted(encrypted);
            if (logged != null) {
                return new KeyMaterial.Found(masterFrom(h, logged), "key log (RSA)");
            }
            if (rsaKeys.size() > 0 && kx == KeyExchange.RSA) {
                return rsaPreMaster(h, encrypted);
            }
        }
        if (rsaKeys.size() > 0 && !keyLog.given()) {
            if (h.encryptedPreMaster == null && kx == KeyExchange.RSA) {
                return new KeyMaterial.Missing("resumed session whose original master secret is unknown"
                        + " (its full handshake is not in the capture or was not decrypted)");
            }
            return new KeyMaterial.Missing("key exchange is " + kx + ": an RSA private key cannot help"
                    + (kx.name().contains("DH") ? " (forward secrecy); a key log is needed" : "; a key log is needed"));
        }
        if (!keyLog.given()) {
            return new KeyMaterial.Missing("no keys given (--keylog, --rsa-key, or a Decryption Secrets Block)");
        }
        if (!keyLog.labels(h.clientRandom).isEmpty()) {
            return new KeyMaterial.Missing("the key log has only " + String.join(", ", keyLog.labels(h.clientRandom))
                    + " for client random " + random + ", no CLIENT_RANDOM master secret for this "
                    + ConnectionDecryptor.versionName(h.version) + " session");
        }
        return new KeyMaterial.Missing("no key for client random " + random);
    }

    private KeyMaterial rsaPreMaster(Handshake h, byte[] encrypted) {
        byte[] preMaster;
        if (h.serverCertificate != null) {
            var key = rsaKeys.forCertificate(h.serverCertificate);
            if (key == null) {
                return new KeyMaterial.Missing("the RSA private key" + (rsaKeys.size() > 1 ? "s do" : " does")
                        + " not match the server's certificate");
            }
            preMaster = RsaKeys.decryptPreMaster(key, encrypted);
        } else {
            preMaster = rsaKeys.decryptWithAny(encrypted);
        }
        if (preMaster == null) {
            return new KeyMaterial.Missing("the RSA private key does not decrypt the ClientKeyExchange");
        }
        return new KeyMaterial.Found(masterFrom(h, preMaster), "RSA private key");
    }

    /** RFC 5246 section 8.1, or RFC 7627 section 4 when the hellos negotiated the extended master secret. */
    private static byte[] masterFrom(Handshake h, byte[] preMaster) {
        return h.extendedMasterSecret && h.sessionHash != null
                ? Tls12KeySchedule.extendedMasterSecret(h.spec, h.version, preMaster, h.sessionHash)
                : Tls12KeySchedule.masterSecret(h.spec, h.version, preMaster, h.clientRandom, h.serverRandom);
    }
}
