package org.tlsscope.cli;

import java.nio.file.Path;

/** Where the lab keeps its certificates unless told otherwise. */
final class LabDirs {
    private LabDirs() {
    }

    static Path home() {
        return Path.of(System.getProperty("user.home"), ".tlsscope", "lab");
    }
}
