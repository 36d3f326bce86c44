package org.tlsscope.testing;

import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference dissector: runs {@code tshark -r FILE -T fields -e ...} and returns one list of field
 * values per frame. Skips the calling test when tshark is not installed (CI has it).
 */
public final class TsharkFields {
    private TsharkFields() {
    }

    /** One row per frame matching {@code displayFilter} (empty: all frames), tab-separated fields split. */
    public static List<List<String>> fields(Path capture, String displayFilter, String... fields) {
        List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString(), "-T", "fields",
                "-E", "occurrence=f"));
        if (!displayFilter.isEmpty()) {
            command.addAll(List.of("-Y", displayFilter));
        }
        for (String field : fields) {
            command.addAll(List.of("-e", field));
        }
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assumeTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "tshark failed on " + capture);
            return out.lines().map(line -> Arrays.asList(line.split("\t", -1))).toList();
        } catch (IOException notInstalled) {
            return abort("tshark not available: " + notInstalled.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
