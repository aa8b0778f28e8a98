package io.heliox.atlas.kernel;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Least-recently-used values bounded by their total size in bytes rather than by count (a 50k-bar
 * result is ~100× a 1k-bar one). Meant for immutable values under content keys (signatures), so
 * an entry can never be stale; evicting one only costs a rebuild.
 */
public final class SizedLru<V> {

    private final long maxBytes;
    private final ToLongFunction<V> sizeOf;
    private final LinkedHashMap<String, V> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    public SizedLru(long maxBytes, ToLongFunction<V> sizeOf) {
        this.maxBytes = maxBytes;
        this.sizeOf = sizeOf;
    }

    public synchronized Optional<V> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Keeps {@code value} unless it alone exceeds the budget; evicts the least recently used to fit. */
    public synchronized void put(String key, V value) {
        long size = sizeOf.applyAsLong(value);
        if (size > maxBytes) {
            return;
        }
        V previous = entries.put(key, value);
        bytes += size - (previous == null ? 0 : sizeOf.applyAsLong(previous));
        Iterator<Map.Entry<String, V>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= sizeOf.applyAsLong(eldest.next().getValue());
            eldest.remove();
        }
    }
}
