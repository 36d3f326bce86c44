package org.tlsscope.decrypt.keys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tlsscope.capture.CaptureReader;
import org.tlsscope.capture.Captures;
import org.tlsscope.pipeline.Analyzer;
import org.tlsscope.tcp.TcpConnection;
import org.tlsscope.tls.connection.RecordEvent;
import org.tlsscope.tls.connection.TlsListener;
import org.tlsscope.tls.handshake.Certificate;
import org.tlsscope.tls.handshake.ClientHello;
import org.tlsscope.tls.handshake.ClientKeyExchange;
import org.tlsscope.tls.handshake.ParsedMessage;
import org.tlsscope.tls.handshake.ServerHello;

/** The first RSA key exchange handshake of a capture, read with the pipeline, and the TLS 1.0 PRF to check it. */
final class FixtureSessions {
    /** RFC 7627 section 5.1: extended_master_secret. */
    private static final int EXTENDED_MASTER_SECRET = 23;

    /**
     * @param clientVersion      ClientHello.legacy_version, which the pre-master secret starts with
     * @param handshakeMessages  every handshake message up to and including the ClientKeyExchange (the
     *                           RFC 7627 session hash input)
     * @param certificates       the server's chain, DER, leaf first
     */
    record RsaSession(int clientVersion, byte[] clientRandom, boolean extendedMasterSecret,
                      List<byte[]> certificates, byte[] encryptedPreMaster, byte[] handshakeMessages) {
    }

    private FixtureSessions() {
    }

    static RsaSession tls10() throws IOException {
        return read(Path.of("src/test/resources/fixtures/openssl/tls10-rsa-aes256-sha-ticket.pcap"));
    }

    static RsaSession read(Path capture) throws IOException {
        Reader reader = new Reader();
        try (CaptureReader in = Captures.open(capture)) {
            Analyzer.run(in, reader);
        }
        if (reader.encryptedPreMaster == null) {
            throw new IllegalStateException(capture + " has no RSA ClientKeyExchange");
        }
        return new RsaSession(reader.clientVersion, reader.clientRandom, reader.ems,
                List.copyOf(reader.certificates), reader.encryptedPreMaster, reader.transcript.toByteArray());
    }

    private static final class Reader implements TlsListener {
        TcpConnection connection;
        int clientVersion;
        byte[] clientRandom;
        boolean ems;
        final List<byte[]> certificates = new ArrayList<>();
        byte[] encryptedPreMaster;
        final ByteArrayOutputStream transcript = new ByteArrayOutputStream();

        @Override
        public void onRecord(RecordEvent event) {
            for (ParsedMessage m : event.messages()) {
                if (connection == null && m.message() instanceof ClientHello) {
                    connection = event.connection();
                }
                if (event.connection() != connection || encryptedPreMaster != null) {
                    return;
                }
                transcript.writeBytes(m.raw().bytes().toArray());
                switch (m.message()) {
                    case ClientHello hello -> {
                        clientVersion = hello.legacyVersion();
                        clientRandom = hello.random().toArray();
                    }
                    case ServerHello hello ->
                            ems = hello.extensions().stream().anyMatch(e -> e.type() == EXTENDED_MASTER_SECRET);
                    case Certificate chain -> chain.certificateList().forEach(e -> certificates.add(e.certData().toArray()));
                    case ClientKeyExchange kx -> encryptedPreMaster = kx.exchangeKeys().toArray();
                    default -> {
                    }
                }
            }
        }
    }

    /** The TLS 1.0/1.1 extended master secret (RFC 7627 section 4: session_hash is MD5 || SHA-1 before TLS 1.2). */
    static byte[] extendedMasterSecret(RsaSession s, byte[] preMaster) throws GeneralSecurityException {
        byte[] md5 = MessageDigest.getInstance("MD5").digest(s.handshakeMessages());
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(s.handshakeMessages());
        return prf(preMaster, "extended master secret", concat(md5, sha1), 48);
    }

    /** RFC 2246 section 5: PRF = P_MD5(S1, label + seed) XOR P_SHA-1(S2, label + seed). */
    private static byte[] prf(byte[] secret, String label, byte[] seed, int length) throws GeneralSecurityException {
        int half = (secret.length + 1) / 2;
        byte[] labelSeed = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
        byte[] md5 = pHash("HmacMD5", Arrays.copyOfRange(secret, 0, half), labelSeed, length);
        byte[] sha1 = pHash("HmacSHA1", Arrays.copyOfRange(secret, secret.length - half, secret.length),
                labelSeed, length);
        for (int i = 0; i < length; i++) {
            md5[i] ^= sha1[i];
        }
        return md5;
    }

    /** RFC 2246 section 5: P_hash = HMAC(secret, A(1) + seed) + HMAC(secret, A(2) + seed) + ..., A(i) = HMAC(secret, A(i-1)). */
    private static byte[] pHash(String algorithm, byte[] secret, byte[] seed, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(secret, algorithm));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] a = seed;
        while (out.size() < length) {
            a = mac.doFinal(a);
            mac.update(a);
            out.writeBytes(mac.doFinal(seed));
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
