package org.tlsscope.decrypt.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tlsscope.bytes.Slice;
import org.tlsscope.testing.Corpus;

/**
 * Recorded RSA key exchanges: the server key found by the captured certificate decrypts the
 * ClientKeyExchange to the pre-master secret that the client's own key log holds, and that
 * pre-master secret gives the master secret of the key log's CLIENT_RANDOM line.
 */
class RsaSessionTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/openssl");

    @ParameterizedTest
    @CsvSource({"tls10-rsa-aes256-sha-ticket, 0x0301", "tls11-rsa-aes128-sha, 0x0302"})
    void theServerKeyDecryptsThePreMasterThatTheClientLogged(String name, int version) throws Exception {
        RsaKeys keys = new RsaKeys();
        keys.load(FIXTURES.resolve("server-rsa.key"), null);
        KeyLog log = new KeyLog();
        log.load(FIXTURES.resolve(name + ".keys"));
        FixtureSessions.RsaSession session = FixtureSessions.read(FIXTURES.resolve(name + ".pcap"));

        assertThat(session.clientVersion()).isEqualTo(version);
        RSAPrivateKey key = keys.forCertificate(Slice.of(session.certificates().getFirst()));
        assertThat(key).isNotNull();
        byte[] preMaster = RsaKeys.decryptPreMaster(key, session.encryptedPreMaster());

        assertThat(preMaster).hasSize(48).startsWith((byte) (version >> 8), (byte) version);
        assertThat(preMaster).isEqualTo(log.preMasterForEncrypted(session.encryptedPreMaster()));
        assertThat(keys.decryptWithAny(session.encryptedPreMaster())).isEqualTo(preMaster);
        assertThat(session.extendedMasterSecret()).as("OpenSSL 3 negotiates RFC 7627").isTrue();
        assertThat(FixtureSessions.extendedMasterSecret(session, preMaster)).isEqualTo(log.masterSecret(session.clientRandom()));
        assertThat(log.unused()).isZero();
    }

    @Test
    void theScapyServerPemMatchesTheCaptureMadeWithItAndNotTheOther() throws Exception {
        RsaKeys keys = new RsaKeys();
        keys.load(Corpus.file("scapy-ssl_tls/openssl_1_0_1_f_server.pem"), null);
        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.notes()).isEmpty();

        FixtureSessions.RsaSession mine = FixtureSessions.read(Corpus.file("scapy-ssl_tls/RSA_WITH_AES_128_CBC_SHA_w_key.pcap"));
        RSAPrivateKey key = keys.forCertificate(Slice.of(mine.certificates().getFirst()));
        assertThat(key).isNotNull();
        byte[] preMaster = RsaKeys.decryptPreMaster(key, mine.encryptedPreMaster());
        assertThat(preMaster).hasSize(48).startsWith((byte) (mine.clientVersion() >> 8), (byte) mine.clientVersion());

        FixtureSessions.RsaSession other = FixtureSessions.read(Corpus.file("scapy-ssl_tls/RSA_WITH_AES_128_CBC_SHA.pcap"));
        assertThat(other.certificates()).isNotEmpty()
                .allSatisfy(certificate -> assertThat(keys.forCertificate(Slice.of(certificate))).isNull());
        assertThat(keys.decryptWithAny(other.encryptedPreMaster())).isNull();
    }

    @Test
    void aServerKeyMatchesItsCertificateEvenWhenTheKeyExchangeIsEcdhe() throws Exception {
        RsaKeys keys = new RsaKeys();
        keys.load(Corpus.file("illustrated-tls12/server/server.key"), null);
        Path capture = Corpus.file("illustrated-tls12/captures/capture.pcap");

        FixtureSessions.RsaSession session = FixtureSessions.read(capture);
        assertThat(keys.forCertificate(Slice.of(session.certificates().getFirst()))).isSameAs(keys.keys().getFirst());
    }

    @Test
    void theOtherCorpusKeysLoadAndTheTooShortOneSaysWhy() throws Exception {
        RsaKeys keys = new RsaKeys();
        keys.load(Corpus.file("scapy/doc/notebooks/tls/raw_data/pki/srv_key.pem"), null);
        assertThat(keys.size()).isEqualTo(1);

        // The SSL 2.0 session's 384-bit key: SunRsaSign takes no RSA key under 512 bits, and tlsscope
        // decrypts no SSL 2.0 (the only place the corpus uses it).
        Path sslv2 = Corpus.file("wireshark-notes/ssl3/sslv2.key.pem");
        assertThatThrownBy(() -> keys.load(sslv2, null)).isInstanceOf(KeyFileException.class).hasMessage("no RSA private key in "
                + sslv2 + ": PRIVATE KEY at line 1: a 384-bit RSA key: the Java runtime refuses RSA keys under 512 bits");
    }
}
