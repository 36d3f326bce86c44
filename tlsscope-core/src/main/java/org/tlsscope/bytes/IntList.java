package org.tlsscope.bytes;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list of ints held unboxed: a parsed vector of code points (cipher suites, groups, signature
 * schemes, versions). A ClientHello holds dozens of them for as long as its connection is open, and as boxed
 * values each above 127 was an object of its own for the collector to copy when the connection outlives a young
 * collection. Read through {@link #getInt} to stay unboxed; as a {@code List<Integer>} it equals any list of
 * the same values.
 */
public final class IntList extends AbstractList<Integer> implements RandomAccess {
    private static final IntList EMPTY = new IntList(new int[0], 0);

    private final int[] values;
    private final int size;

    private IntList(int[] values, int size) {
        this.values = values;
        this.size = size;
    }

    /** The first {@code size} values of {@code values}, which the caller hands over and no longer writes. */
    public static IntList wrap(int[] values, int size) {
        Objects.checkFromIndexSize(0, size, values.length);
        return size == 0 ? EMPTY : new IntList(values, size);
    }

    public int getInt(int index) {
        Objects.checkIndex(index, size);
        return values[index];
    }

    @Override
    public Integer get(int index) {
        return getInt(index);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int indexOf(Object o) {
        if (o instanceof Integer v) {
            for (int i = 0; i < size; i++) {
                if (values[i] == v) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        if (o instanceof Integer v) {
            for (int i = size - 1; i >= 0; i--) {
                if (values[i] == v) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }
}
