package org.tlsscope.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** External tools the interop tests use when installed (tshark, openssl); each run is bounded. */
public final class Tools {
    private Tools() {
    }

    public record Run(int code, String out) {
    }

    public static boolean has(String tool) {
        return List.of("/usr/bin", "/usr/local/bin", "/bin").stream().anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    /** Runs a command to its end (at most {@code seconds}), stdout and stderr merged. */
    public static Run run(int seconds, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command[0] + " did not finish in " + seconds + " s");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
