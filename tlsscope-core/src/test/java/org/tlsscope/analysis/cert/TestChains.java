package org.tlsscope.analysis.cert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.tlsscope.bytes.Slice;

/** The chains of fixtures/certs (see its README): root, intermediate, leaf, and a weak leaf. */
public final class TestChains {
    static final Path DIR = Path.of("src/test/resources/fixtures/certs");

    private TestChains() {
    }

    /** The DER of one PEM file of that folder. */
    public static Slice der(String name) {
        try {
            String pem = Files.readString(DIR.resolve(name));
            String body = pem.substring(pem.indexOf("-----\n") + 6, pem.indexOf("-----END"));
            return Slice.of(Base64.getMimeDecoder().decode(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ParsedCertificate parsed(String name) {
        return CertificateParser.parse(der(name));
    }

    public static CertificateInfo info(String name) {
        return ((ParsedCertificate.Readable) parsed(name)).info();
    }
}
