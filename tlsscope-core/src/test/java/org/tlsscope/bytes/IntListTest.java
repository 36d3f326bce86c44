package org.tlsscope.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class IntListTest {
    @Property
    void behavesAsTheBoxedListOfItsValues(@ForAll @Size(max = 40) List<@IntRange(max = 0xffff) Integer> values,
                                          @ForAll @IntRange(max = 0xffff) int probe) {
        int[] array = new int[values.size() + 3];
        for (int i = 0; i < values.size(); i++) {
            array[i] = values.get(i);
        }
        IntList list = IntList.wrap(array, values.size());
        List<Integer> boxed = new ArrayList<>(values);

        assertThat(list).isEqualTo(boxed).hasSameHashCodeAs(boxed).containsExactlyElementsOf(boxed);
        assertThat(boxed).isEqualTo(list);
        assertThat(list.indexOf(probe)).isEqualTo(boxed.indexOf(probe));
        assertThat(list.lastIndexOf(probe)).isEqualTo(boxed.lastIndexOf(probe));
        assertThat(list.contains(probe)).isEqualTo(boxed.contains(probe));
        for (int i = 0; i < values.size(); i++) {
            assertThat(list.getInt(i)).isEqualTo(values.get(i));
        }
    }

    @Test
    void holdsOnlyTheValuesItWasGiven() {
        IntList list = IntList.wrap(new int[] {0x1301, 0x1302, 7, 7}, 2);
        assertThat(list).containsExactly(0x1301, 0x1302);
        assertThat(list.contains(7)).isFalse();
        assertThat(list.contains("0x1301")).isFalse();
        assertThat(list.indexOf(null)).isEqualTo(-1);
        assertThatThrownBy(() -> list.getInt(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> IntList.wrap(new int[1], 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void cannotBeChanged() {
        IntList list = IntList.wrap(new int[] {1, 2}, 2);
        assertThatThrownBy(() -> list.add(3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.set(0, 3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
