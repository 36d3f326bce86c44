package org.tlsscope.decrypt.keys;

import java.io.IOException;

/**
 * A key file that cannot be used at all (missing, unreadable, encrypted without its password, holding no
 * usable key), with a message fit to show the user as it is: it names the file and says what to do.
 */
public final class KeyFileException extends IOException {
    public KeyFileException(String message) {
        super(message);
    }
}
