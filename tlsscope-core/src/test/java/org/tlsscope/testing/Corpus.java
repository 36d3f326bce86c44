package org.tlsscope.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

    /**
     * One row of MANIFEST.tsv, by the columns the tests read.
     *
     * @param contents    the curated note and what tshark saw
     * @param decryptWith {@code keylog:PATH;rsa:PATH;dsb}, {@code none}, or {@code -} for a key file
     * @param decodeAs    tshark's decode-as rule, or null
     */
    public record Row(String path, String contents, String decryptWith, String decodeAs) {
        /** A capture row (key files have no decrypt_with). */
        public boolean isCapture() {
            return !decryptWith.equals("-");
        }

        /** The key files of one kind ("keylog", "rsa") this capture decrypts with. */
        public List<String> keys(String kind) {
            return Arrays.stream(decryptWith.split(";")).filter(k -> k.startsWith(kind + ":"))
                    .map(k -> k.substring(kind.length() + 1)).toList();
        }
    }

    /** The manifest's rows, columns found by their header names; skips the test when the corpus is absent. */
    public static List<Row> manifest() throws IOException {
        List<String> lines = Files.readAllLines(file("MANIFEST.tsv"));
        List<String> header = List.of(lines.getFirst().split("\t", -1));
        int path = header.indexOf("path");
        int contents = header.indexOf("contents");
        int decryptWith = header.indexOf("decrypt_with");
        int decodeAs = header.indexOf("tshark_decode_as");
        return lines.subList(1, lines.size()).stream().map(line -> line.split("\t", -1))
                .map(f -> new Row(f[path], f[contents], f[decryptWith], f[decodeAs].equals("-") ? null : f[decodeAs]))
                .toList();
    }
}
