package org.tlsscope.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tlsscope.lab.pki.LabPki;

/** One lab PKI for the whole test run (RSA key generation is the slow part), in a temporary directory. */
public final class TestPki {
    private static LabPki pki;

    private TestPki() {
    }

    public static synchronized LabPki get() {
        if (pki == null) {
            try {
                Path dir = Files.createTempDirectory("tlsscope-lab-pki");
                dir.toFile().deleteOnExit();
                pki = LabPki.loadOrCreate(dir, LabPki.DEFAULT_RSA_BITS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pki;
    }
}
