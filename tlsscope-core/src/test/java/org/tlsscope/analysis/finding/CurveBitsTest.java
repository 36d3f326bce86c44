package org.tlsscope.analysis.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tlsscope.tls.registry.Registries;

/** The curve size read from a group's name, for every group of the IANA registry. */
class CurveBitsTest {
    @Test
    void everyRegisteredGroupHasTheSizeItsNameGives() {
        Pattern sized = Pattern.compile("^(?:sec[pt]|brainpoolP)(\\d+)");
        int sizedGroups = 0;
        for (int group : Registries.NAMED_GROUPS.values()) {
            String name = Registries.NAMED_GROUPS.name(group);
            Matcher m = sized.matcher(name);
            int expected = m.find() ? Integer.parseInt(m.group(1)) : 0;
            assertThat(SuiteRules.curveBits(name)).as(name).isEqualTo(expected);
            sizedGroups += expected > 0 ? 1 : 0;
        }
        assertThat(sizedGroups).isGreaterThan(25);
        assertThat(SuiteRules.curveBits("secp160r1")).isEqualTo(160);
        assertThat(SuiteRules.curveBits("x25519")).isZero();
        assertThat(SuiteRules.curveBits("secp")).isZero();
        assertThat(SuiteRules.curveBits("unknown (0x1234)")).isZero();
    }
}
