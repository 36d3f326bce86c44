package org.tlsscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsscope.cli.MainTest.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsscope.cli.MainTest.Result;

/** tlsscope certs: the listing, decrypted TLS 1.3 chains with keys, and the PEM export. */
class CertsCommandTest {
    private static final Path FIXTURES = Path.of("../tlsscope-core/src/test/resources/fixtures/openssl");
    private static final String TLS13 = FIXTURES.resolve("tls13-client-certificate.pcap").toString();
    private static final String TLS13_KEYS = FIXTURES.resolve("tls13-client-certificate.keys").toString();

    @TempDir
    Path tmp;

    @Test
    void thePostsCertificateWithItsFindings() {
        Result r = run("certs");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("  server certificate 0 (frame 5)", "subject      CN=Testserver,C=DE",
                "validity     1999-05-01 01:26:35 UTC .. 1999-05-31 01:26:35 UTC", "key          RSA 1024",
                "signature    md5WithRSAEncryption (1.2.840.113549.1.1.4)", "cert.expired", "cert.signature_md5", "cert.key_weak");
    }

    @Test
    void anEncryptedTls13ChainNeedsTheKeys() {
        Result without = run("certs", TLS13);
        assertThat(without.code()).isEqualTo(ExitCode.NOTHING);
        assertThat(without.err()).contains("no readable certificate").contains("--keylog");

        Result with = run("certs", "--keylog", TLS13_KEYS, TLS13);
        assertThat(with.code()).isZero();
        assertThat(with.out()).contains("server certificate 0", "subject      CN=server.test", "client certificate 0",
                "subject      CN=client.test", "cert.self_signed");
    }

    @Test
    void exportWritesEachDistinctCertificateOnceByItsSha256() throws Exception {
        Path dir = tmp.resolve("pem");
        Result r = run("certs", "--keylog", TLS13_KEYS, TLS13, "--export", dir.toString());
        assertThat(r.code()).isZero();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(2);
        for (Path pem : files) {
            byte[] der = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem))).getEncoded();
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
            assertThat(pem.getFileName()).hasToString(sha256 + ".pem");
            assertThat(r.out()).contains("-> " + pem);
        }
    }

    @Test
    void anExportFolderThatCannotBeMadeIsAUsageError() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Result r = run("certs", "--export", file.resolve("sub").toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("cannot create the directory");
    }
}
