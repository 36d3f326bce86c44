package org.tlsscope.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TcpLimitsTest {
    @Test
    void rejectsBoundsThatCouldNotHoldAnything() {
        assertThatIllegalArgumentException().isThrownBy(() -> TcpLimits.DEFAULT.withMaxConnections(0));
        assertThatIllegalArgumentException().isThrownBy(() -> TcpLimits.DEFAULT.withMaxBufferedBytes(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> TcpLimits.DEFAULT.withMaxBufferedSegments(0));
        assertThatIllegalArgumentException().isThrownBy(() -> TcpLimits.DEFAULT.withMaxHoleAgeSegments(0));
        assertThatIllegalArgumentException().isThrownBy(() -> TcpLimits.DEFAULT.withIdleTimeout(Duration.ZERO));
    }

    @Test
    void changesOneBoundAtATime() {
        TcpLimits limits = TcpLimits.DEFAULT.withMaxBufferedBytes(10);
        assertThat(limits).isEqualTo(new TcpLimits(10, TcpLimits.DEFAULT.maxBufferedSegments(),
                TcpLimits.DEFAULT.maxHoleAgeSegments(), TcpLimits.DEFAULT.maxConnections(),
                TcpLimits.DEFAULT.idleTimeout()));
    }
}
