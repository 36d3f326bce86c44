package org.tlsscope.decrypt.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsscope.bytes.Slice;

/** Key files in every form (see src/test/resources/org/tlsscope/decrypt/keys/README.md for how they were made). */
class RsaKeysTest {
    private static final Path DIR = Path.of("src/test/resources/org/tlsscope/decrypt/keys");
    private static final Path PKCS8 = Path.of("src/test/resources/fixtures/openssl/server-rsa.key");
    private static final char[] PASSWORD = "tlsscope".toCharArray();

    private static RsaKeys load(Path file, char[] password) throws IOException {
        RsaKeys keys = new RsaKeys();
        keys.load(file, password);
        return keys;
    }

    private static RSAPrivateKey serverKey() throws IOException {
        return load(PKCS8, null).keys().getFirst();
    }

    @ParameterizedTest
    @ValueSource(strings = {"server-rsa.pkcs1.pem", "server-rsa.pkcs8.der", "server-rsa.pkcs8-encrypted.pem",
            "server-rsa.pkcs8-pbes1.pem", "server-rsa.pkcs1-encrypted.pem", "bundle.pem"})
    void everyFormGivesTheKeyOfThePkcs8File(String name) throws IOException {
        RSAPrivateKey expected = serverKey();
        assertThat(expected.getModulus().bitLength()).isEqualTo(2048);

        RsaKeys keys = load(DIR.resolve(name), name.contains("encrypted") || name.contains("pbes1") ? PASSWORD : null);

        assertThat(keys.size()).isEqualTo(1);
        RSAPrivateKey key = keys.keys().getFirst();
        assertThat(key.getModulus()).isEqualTo(expected.getModulus());
        assertThat(key.getPrivateExponent()).isEqualTo(expected.getPrivateExponent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"server-rsa.pkcs8-encrypted.pem", "server-rsa.pkcs8-pbes1.pem", "server-rsa.pkcs1-encrypted.pem"})
    void anEncryptedKeyNeedsItsPassword(String name) {
        Path file = DIR.resolve(name);
        assertThatThrownBy(() -> load(file, "tlsscopf".toCharArray())).isInstanceOf(KeyFileException.class)
                .hasMessage("wrong password for " + file);
        assertThatThrownBy(() -> load(file, null)).isInstanceOf(KeyFileException.class)
                .hasMessage(file + " is encrypted: give its password");
        assertThatThrownBy(() -> load(file, new char[0])).isInstanceOf(KeyFileException.class)
                .hasMessage(file + " is encrypted: give its password");
    }

    @Test
    void aBundleSkipsTheCertificateAndNotesTheEcKey() throws IOException {
        Path bundle = DIR.resolve("bundle.pem");
        RsaKeys keys = load(bundle, null);

        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.notes()).containsExactly(
                bundle + ": PRIVATE KEY at line 22: an EC key: only RSA keys decrypt an RSA key exchange");
    }

    @Test
    void theCertificateFindsItsKeyAndNothingElseDoes() throws IOException {
        RsaKeys keys = load(DIR.resolve("bundle.pem"), null);
        byte[] certificate = Files.readAllBytes(DIR.resolve("server-rsa.selfsigned.der"));

        assertThat(keys.forCertificate(Slice.of(certificate))).isSameAs(keys.keys().getFirst());
        assertThat(new RsaKeys().forCertificate(Slice.of(certificate))).isNull();
        assertThat(keys.forCertificate(Slice.EMPTY)).isNull();
        // Every truncation and a flipped tag are not certificates: null, never an exception.
        for (int n = 0; n < certificate.length; n += 7) {
            assertThat(keys.forCertificate(Slice.of(certificate, 0, n))).isNull();
        }
        byte[] damaged = certificate.clone();
        damaged[0] = 0x31;
        assertThat(keys.forCertificate(Slice.of(damaged))).isNull();
    }

    @Test
    void loadingTheSameKeyTwiceKeepsOne() throws IOException {
        RsaKeys keys = load(PKCS8, null);
        keys.load(DIR.resolve("server-rsa.pkcs1.pem"), null);
        assertThat(keys.size()).isEqualTo(1);
    }

    @Test
    void filesWithoutAnRsaKeySayWhatTheyHold(@TempDir Path dir) throws IOException {
        Path ec = DIR.resolve("ec.pem");
        assertThatThrownBy(() -> load(ec, null)).isInstanceOf(KeyFileException.class).hasMessage(
                "no RSA private key in " + ec + ": PRIVATE KEY at line 1: an EC key: only RSA keys decrypt an RSA key exchange");

        Path certificate = DIR.resolve("server-rsa.selfsigned.der");
        assertThatThrownBy(() -> load(certificate, null)).isInstanceOf(KeyFileException.class)
                .hasMessage("no RSA private key in " + certificate + ": not a private key (a certificate?)");

        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "# nothing here\nsubject=CN = x\n");
        assertThatThrownBy(() -> load(text, null)).isInstanceOf(KeyFileException.class).hasMessage(
                "no private key in " + text + " (expected a PEM block such as -----BEGIN PRIVATE KEY-----)");

        Path damaged = dir.resolve("damaged.pem");
        List<String> lines = Files.readAllLines(DIR.resolve("server-rsa.pkcs1.pem"));
        Files.write(damaged, lines.subList(0, lines.size() - 1));
        assertThatThrownBy(() -> load(damaged, null)).isInstanceOf(KeyFileException.class).hasMessage(
                "no RSA private key in " + damaged + ": RSA PRIVATE KEY at line 1: damaged (bad base64 or no END line)");

        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> load(missing, null)).isInstanceOf(KeyFileException.class)
                .hasMessage("key file " + missing + " does not exist");
    }

    @Test
    void aWrongKeyOrDamagedCiphertextGivesNull() throws Exception {
        RSAPrivateKey key = serverKey();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateKey other = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
        byte[] ciphertext = FixtureSessions.tls10().encryptedPreMaster();

        assertThat(RsaKeys.decryptPreMaster(key, ciphertext)).hasSize(48);
        assertThat(RsaKeys.decryptPreMaster(other, ciphertext)).isNull();
        byte[] flipped = ciphertext.clone();
        flipped[100] ^= 0x40;
        assertThat(RsaKeys.decryptPreMaster(key, flipped)).isNull();
        assertThat(RsaKeys.decryptPreMaster(key, Arrays.copyOf(ciphertext, 300))).as("longer than the modulus").isNull();
        assertThat(RsaKeys.decryptPreMaster(key, new byte[0])).isNull();
        assertThat(RsaKeys.decryptPreMaster(null, ciphertext)).isNull();
    }
}
