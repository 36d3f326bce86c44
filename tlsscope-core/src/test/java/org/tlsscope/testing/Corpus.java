package org.tlsscope.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Finds the public capture corpus (shared/corpus/public, see its MANIFEST.tsv): the system property
 * {@code tlsscope.corpus}, else the environment variable {@code TLSSCOPE_CORPUS}, else
 * {@code ../../shared/corpus/public} from the module directory (a CI clone whose parent holds
 * {@code shared/}), else {@code /work/shared/corpus/public}. A test that needs a corpus file is
 * skipped, not failed, where the corpus is absent.
 */
public final class Corpus {
    private static final Path ROOT = Stream.of(
                    System.getProperty("tlsscope.corpus"),
                    System.getenv("TLSSCOPE_CORPUS"),
                    "../../shared/corpus/public",
                    "/work/shared/corpus/public")
            .filter(candidate -> candidate != null && !candidate.isBlank())
            .map(Path::of)
            .filter(Files::isDirectory)
            .findFirst()
            .orElse(null);

    private Corpus() {
    }

    /** The corpus file at {@code relative} (e.g. "ndpi/KakaoTalk_chat.pcap"); skips the test when absent. */
    public static Path file(String relative) {
        assumeTrue(ROOT != null, "capture corpus not found (set -Dtlsscope.corpus or TLSSCOPE_CORPUS)");
        Path file = ROOT.resolve(relative);
        assumeTrue(Files.isRegularFile(file), "corpus file missing: " + file);
        return file;
    }
}
