package org.tlsscope.tls.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * One IANA table, loaded from a tab-separated resource beside this class: a header line, then one
 * assignment per line, "value &lt;TAB&gt; name [&lt;TAB&gt; more columns]", value in decimal or 0x hex.
 * Lines starting with '#' are comments (the source and date of the table).
 *
 * <p>Code points are open: {@link #name(int)} answers for any value, assigned or not, so an unknown
 * value survives the whole pipeline and prints as "unknown (0x1234)".
 */
public final class Registry {
    private final String table;
    private final int hexDigits;
    /**
     * The assigned values, ascending, and their rows. Looked up by binary search on the primitive value: a
     * name is asked for every suite, extension and group of every hello, and a map would box each one.
     */
    private final int[] values;
    private final String[][] rows;
    private final boolean greaseApplies;
    /**
     * The names of the reserved GREASE values, made once, as every Chrome hello carries some: indexed by
     * the high nibble of a two-byte value, or by the step of a one-byte one.
     */
    private final String[] greaseNames = new String[16];
    /**
     * {@link #name} and {@link #describe} as functions, for the field readers' text: made once, as a method
     * reference is a new object wherever it is evaluated, and fields are read by the million.
     */
    private final IntFunction<String> namer = this::name;
    private final IntFunction<String> describer = this::describe;

    private Registry(String table, int hexDigits, TreeMap<Integer, String[]> assigned, boolean greaseApplies) {
        this.table = table;
        this.hexDigits = hexDigits;
        this.values = assigned.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.rows = assigned.values().toArray(String[][]::new);
        this.greaseApplies = greaseApplies;
        for (int i = 0; greaseApplies && i < greaseNames.length; i++) {
            int value = hexDigits == 2 ? 0x0b + 0x1f * i : 0x0a0a + 0x1010 * i;
            greaseNames[i] = value <= 0xff || hexDigits != 2 ? "GREASE (" + hex(value) + ")" : null;
        }
    }

    /**
     * @param resource      file name of the TSV beside this class
     * @param hexDigits     width of the code point in hex digits (2 for uint8, 4 for uint16)
     * @param greaseApplies whether RFC 8701 GREASE values are reserved in this table (the one-byte
     *                      form for a 2-digit table, as for PskKeyExchangeMode)
     */
    static Registry load(String resource, int hexDigits, boolean greaseApplies) {
        byte[] bytes;
        try (InputStream in = Registry.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing registry resource " + resource);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Plain indexOf scanning rather than a Reader and regex split: every table loads at class
        // initialisation, mostly still in the interpreter, and this keeps all of them to a few milliseconds.
        String text = new String(bytes, StandardCharsets.UTF_8);
        TreeMap<Integer, String[]> rows = new TreeMap<>();
        boolean header = true;
        for (int start = 0, end; start < text.length(); start = end + 1) {
            end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cols = columns(line);
            if (rows.put(parseValue(cols[0]), cols) != null) {
                throw new IllegalStateException(resource + " lists " + cols[0] + " twice");
            }
        }
        return new Registry(resource, hexDigits, rows, greaseApplies);
    }

    private static String[] columns(String line) {
        int count = 1;
        for (int i = line.indexOf('\t'); i >= 0; i = line.indexOf('\t', i + 1)) {
            count++;
        }
        String[] cols = new String[count];
        int from = 0;
        for (int c = 0; c < count - 1; c++) {
            int tab = line.indexOf('\t', from);
            cols[c] = line.substring(from, tab);
            from = tab + 1;
        }
        cols[count - 1] = line.substring(from);
        return cols;
    }

    private static int parseValue(String s) {
        String t = s.trim();
        return t.startsWith("0x") || t.startsWith("0X") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
    }

    /** The assigned name, "GREASE" for an RFC 8701 reserved value, else "unknown (0x..)". */
    public String name(int value) {
        String[] row = row(value);
        if (row != null) {
            return row[1];
        }
        if (greaseApplies && (hexDigits == 2 ? Grease.isOneByte(value) : Grease.is(value))) {
            return greaseNames[hexDigits == 2 ? (value - 0x0b) / 0x1f : value >> 12];
        }
        return "unknown (" + hex(value) + ")";
    }

    private String[] row(int value) {
        int i = Arrays.binarySearch(values, value);
        return i < 0 ? null : rows[i];
    }

    /** {@link #name}, as a function made once. */
    public IntFunction<String> namer() {
        return namer;
    }

    /** {@link #describe}, as a function made once. */
    public IntFunction<String> describer() {
        return describer;
    }

    /** "name (0x0035)": the form the text views print. */
    public String describe(int value) {
        String n = name(value);
        return n.endsWith(")") ? n : n + " (" + hex(value) + ")";
    }

    public boolean isAssigned(int value) {
        return Arrays.binarySearch(values, value) >= 0;
    }

    /** Extra column {@code index} (1 is the name) of an assigned value, or null. */
    public String column(int value, int index) {
        String[] row = row(value);
        return row == null || index >= row.length ? null : row[index];
    }

    public int size() {
        return values.length;
    }

    /** The assigned values, ascending. */
    public int[] values() {
        return values.clone();
    }

    public String hex(int value) {
        return "0x" + java.util.HexFormat.of().toHexDigits(value).substring(8 - hexDigits);
    }

    @Override
    public String toString() {
        return table + " (" + values.length + " values)";
    }
}
