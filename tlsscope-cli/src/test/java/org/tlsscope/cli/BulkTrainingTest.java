package org.tlsscope.cli;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The training records are real: each one sealed here opens, MAC or tag checked, in the core's ciphers. */
class BulkTrainingTest {
    @Test
    void everyTrainingRecordOpens() {
        assertThatCode(() -> BulkTraining.run(4)).doesNotThrowAnyException();
    }
}
