package org.tlsscope.tls.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every value the installed Wireshark names in the tables that matter for dissection must also be named
 * by us. Wireshark's value_strings come from {@code tshark -G values}: lines
 * {@code V <TAB> field <TAB> value <TAB> name}. Name differences are printed for the reviewer, not failed;
 * differences of case and spacing alone (Wireshark's "Close Notify" for IANA's close_notify) are not printed.
 */
class WiresharkDifferentialTest {
    /** Wireshark field to our table. */
    private static final Map<String, Registry> TABLES = Map.of(
            "tls.handshake.ciphersuite", Registries.CIPHER_SUITES,
            "tls.handshake.extension.type", Registries.EXTENSION_TYPES,
            "tls.handshake.extensions_supported_group", Registries.NAMED_GROUPS,
            "tls.handshake.sig_hash_alg", Registries.SIGNATURE_SCHEMES,
            "tls.alert_message.desc", Registries.ALERT_DESCRIPTIONS,
            "tls.record.version", Registries.PROTOCOL_VERSIONS);

    /**
     * Values Wireshark names that we leave unnamed on purpose: the Open Quantum Safe provider's experimental
     * groups and signature schemes. Their group code points 0x0200-0x0202 collide with IANA's MLKEM512..1024,
     * which win; the signature schemes sit in IANA's private-use range 0xFE00-0xFEFF.
     */
    private static final Map<String, IntPredicate> EXCLUDED = Map.of(
            "tls.handshake.extensions_supported_group", v -> (v >= 0x0200 && v <= 0x02ff) || (v >= 0x2f00 && v <= 0x2fff),
            "tls.handshake.sig_hash_alg", v -> v >= 0xfe00 && v <= 0xfeff);

    private static Map<String, Map<Integer, String>> wireshark;

    @BeforeAll
    static void dumpWiresharkValues() throws IOException, InterruptedException {
        Process tshark;
        try {
            tshark = new ProcessBuilder("tshark", "-G", "values").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException absent) {
            assumeTrue(false, "tshark is not installed: " + absent.getMessage());
            return;
        }
        Map<String, Map<Integer, String>> byField = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(tshark.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] cols = line.split("\t", -1);
                if (cols.length == 4 && cols[0].equals("V") && TABLES.containsKey(cols[1])) {
                    byField.computeIfAbsent(cols[1], f -> new TreeMap<>()).putIfAbsent(Integer.decode(cols[2]), cols[3]);
                }
            }
        }
        assumeTrue(tshark.waitFor(60, TimeUnit.SECONDS) && tshark.exitValue() == 0, "tshark -G values failed");
        assertThat(byField).as("tls value_strings in tshark -G values").isNotEmpty();
        wireshark = byField;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "tls.handshake.ciphersuite", "tls.handshake.extension.type", "tls.handshake.extensions_supported_group",
        "tls.handshake.sig_hash_alg", "tls.alert_message.desc", "tls.record.version"})
    void everyValueWiresharkNamesWeNameToo(String field) {
        Registry ours = TABLES.get(field);
        IntPredicate excluded = EXCLUDED.getOrDefault(field, v -> false);
        Map<Integer, String> theirs = wireshark.get(field);
        assertThat(theirs).as(field).isNotEmpty();
        List<String> missing = new ArrayList<>();
        int excludedCount = 0;
        for (Map.Entry<Integer, String> e : theirs.entrySet()) {
            int v = e.getKey();
            String name = ours.name(v);
            if (excluded.test(v) && !ours.isAssigned(v)) {
                excludedCount++;
            } else if (name.equals("unknown (" + ours.hex(v) + ")")) {
                missing.add(ours.hex(v) + " " + e.getValue());
            } else if (!sameWords(name, e.getValue()) && !Grease.is(v)) {
                System.out.printf("%s %s: Wireshark \"%s\", tlsscope \"%s\"%n", field, ours.hex(v), e.getValue(), name);
            }
        }
        List<String> onlyOurs = new ArrayList<>();
        for (int v : ours.values()) {
            if (!theirs.containsKey(v)) {
                onlyOurs.add(ours.hex(v) + " " + ours.name(v));
            }
        }
        System.out.printf("%s: Wireshark names %d, excluded %d, named only by tlsscope %d: %s%n",
                field, theirs.size(), excludedCount, onlyOurs.size(), onlyOurs);
        assertThat(missing).as("values Wireshark names and tlsscope does not (" + field + ")").isEmpty();
    }

    private static boolean sameWords(String a, String b) {
        return a.replace('_', ' ').equalsIgnoreCase(b.replace('_', ' '));
    }
}
