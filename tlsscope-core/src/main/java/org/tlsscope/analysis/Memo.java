package org.tlsscope.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded, least-recently-used memory of results. A capture of thousands of connections holds a handful
 * of distinct certificates (servers present the same chain to every client) and of client fingerprints (a
 * few client programs): parsing, verifying and hashing each once, not once per connection, keeps the
 * analysis at capture speed, and the bound keeps memory from growing with the capture.
 */
public final class Memo<K, V> {
    private final Map<K, V> entries;

    public Memo(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized V get(K key, Function<K, V> compute) {
        V value = entries.get(key);
        if (value == null) {
            value = compute.apply(key);
            entries.put(key, value);
        }
        return value;
    }
}
