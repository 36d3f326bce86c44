package org.tlsscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tlsscope.decrypt.Decryption;
import org.tlsscope.decrypt.keys.KeyFileException;
import org.tlsscope.decrypt.keys.KeyLog;
import org.tlsscope.decrypt.keys.KeyLogProblem;
import org.tlsscope.decrypt.keys.RsaKeys;
import picocli.CommandLine.Option;

/** The key options of every command that reads captures; a capture's own Decryption Secrets Blocks need none. */
final class KeyOptions {
    /** Key log problems printed before the rest are only counted. */
    private static final int MAX_PROBLEMS_SHOWN = 10;

    @Option(names = "--keylog", paramLabel = "FILE",
            description = "NSS key log (SSLKEYLOGFILE) to decrypt with; repeatable")
    List<Path> keyLogs = new ArrayList<>();

    @Option(names = "--rsa-key", paramLabel = "FILE",
            description = "server RSA private key (PEM, PKCS#1 or PKCS#8), matched to servers by their certificate; repeatable")
    List<Path> rsaKeys = new ArrayList<>();

    @Option(names = "--rsa-key-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "password of encrypted PKCS#8 keys (asked for when given without a value;"
                    + " also read from TLSSCOPE_RSA_KEY_PASSWORD)")
    char[] password;

    /** The keys given, or null when none were: then only the capture's own secrets can decrypt. */
    Decryption load(PrintWriter err) throws IOException {
        if (keyLogs.isEmpty() && rsaKeys.isEmpty()) {
            return null;
        }
        KeyLog keyLog = new KeyLog();
        for (Path p : keyLogs) {
            try {
                keyLog.load(p);
            } catch (KeyFileException e) {
                throw new KeyFileError(e.getMessage());
            } catch (IOException e) {
                throw new KeyFileError(p + ": cannot read the key log: " + e.getMessage());
            }
        }
        report(keyLog.problems(), err);
        RsaKeys keys = new RsaKeys();
        char[] pass = password != null ? password
                : System.getenv("TLSSCOPE_RSA_KEY_PASSWORD") != null ? System.getenv("TLSSCOPE_RSA_KEY_PASSWORD").toCharArray() : null;
        for (Path p : rsaKeys) {
            try {
                keys.load(p, pass);
            } catch (KeyFileException e) {
                throw new KeyFileError(e.getMessage());
            } catch (IOException e) {
                throw new KeyFileError(p + ": cannot read the key file: " + e.getMessage());
            }
        }
        return new Decryption(keyLog, keys);
    }

    /** Key log lines that could not be used, the first few one per line, the rest counted. */
    static void report(List<KeyLogProblem> problems, PrintWriter err) {
        for (int i = 0; i < Math.min(problems.size(), MAX_PROBLEMS_SHOWN); i++) {
            KeyLogProblem p = problems.get(i);
            err.println("tlsscope: warning: " + p.source() + " line " + p.line() + ": " + p.reason());
        }
        if (problems.size() > MAX_PROBLEMS_SHOWN) {
            err.println("tlsscope: warning: ... and " + (problems.size() - MAX_PROBLEMS_SHOWN) + " more key log lines not used");
        }
    }

    /** After the run: key log entries no connection used, the sign of a key log for another capture. */
    static void audit(Decryption decryption, PrintWriter err) {
        int randoms = decryption == null ? 0 : decryption.keyLog().clientRandoms();
        if (randoms == 0) {
            return;
        }
        int unused = decryption.keyLog().unused();
        if (unused == randoms) {
            err.println("tlsscope: warning: none of the key log's " + randoms
                    + " client randoms is in this capture (a key log for another capture?)");
        } else if (unused > 0) {
            err.println("tlsscope: note: " + unused + " of the key log's " + randoms
                    + " client randoms are not in this capture");
        }
    }

    /** A key file that cannot be used: one line for the user, exit code 2. */
    static final class KeyFileError extends IOException {
        KeyFileError(String message) {
            super(message);
        }
    }
}
