package org.tlsscope.decrypt.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What a wrong key log must give: the first protected record fails with its family's reason, nothing opens. */
final class WrongSecrets {
    private WrongSecrets() {
    }

    static void check(String capture, List<SessionReplay.Connection> connections) {
        assertThat(connections).as(capture + ": some connection tried").anyMatch(c -> !c.failures.isEmpty());
        for (SessionReplay.Connection c : connections) {
            if (c.spec == null || c.keyMissing || c.failures.isEmpty()) {
                continue;
            }
            List<String> reasons = c.spec.isAead() ? List.of("AEAD tag mismatch")
                    : c.spec.isCbc() && !c.encryptThenMac ? List.of("bad padding", "bad record MAC")
                    : List.of("bad record MAC");
            assertThat(c.opened).as(capture + ": " + c).isZero();
            assertThat(c.failures).as(capture + ": " + c).hasSize(1);
            assertThat(c.failures.getFirst()).as(capture + ": " + c).matches("(client|server) record: .*")
                    .satisfies(f -> assertThat(reasons).contains(f.substring(f.indexOf(": ") + 2)));
        }
    }
}
