package org.tlsscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a tool the tests drive is installed (Debian's packages put them in /usr/bin): a test that needs one skips without it. */
final class Installed {
    private Installed() {
    }

    static boolean has(String tool) {
        return Files.isExecutable(Path.of("/usr/bin", tool));
    }
}
