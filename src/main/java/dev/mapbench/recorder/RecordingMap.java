package dev.mapbench.recorder;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link ConcurrentMap} that passes every call to the map it wraps and records it ({@link TraceRecorder}):
 * the call runs first, on the wrapped map, then its event is appended to the calling thread's buffer, so the
 * wrapped map's own locking and atomicity are all a caller gets.
 *
 * <p>Recorded: {@code get}, {@code getOrDefault} and {@code containsKey} as get; {@code put}, {@code putAll}
 * (each entry) and {@code replace} as put; {@code remove}; {@code putIfAbsent}; {@code computeIfAbsent}; and
 * {@code merge}, {@code compute} and {@code computeIfPresent} as merge (a read-modify-write of one key). The hit
 * flag says whether the call found its key present (for {@code computeIfAbsent}: the mapping function did not
 * run; for {@code merge}: the remapping function ran). Not recorded: {@code size}, {@code isEmpty},
 * {@code containsValue}, {@code clear}, {@code forEach} and the views, which touch no one key.
 *
 * @param <K> keys
 * @param <V> values
 */
public final class RecordingMap<K, V> implements ConcurrentMap<K, V> {

    private final ConcurrentMap<K, V> map;
    private final TraceRecorder recorder;

    RecordingMap(ConcurrentMap<K, V> map, TraceRecorder recorder) {
        if (map == null) {
            throw new NullPointerException("map");
        }
        this.map = map;
        this.recorder = recorder;
    }

    /** The recorder this map records into. */
    public TraceRecorder recorder() {
        return recorder;
    }

    @Override
    public V get(Object key) {
        V value = map.get(key);
        recorder.record(TraceOperation.GET, key, value != null, TraceRecorder.sizeOf(value));
        return value;
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        V value = map.get(key);
        recorder.record(TraceOperation.GET, key, value != null, TraceRecorder.sizeOf(value));
        return value != null ? value : defaultValue;
    }

    @Override
    public boolean containsKey(Object key) {
        boolean present = map.containsKey(key);
        recorder.record(TraceOperation.GET, key, present, -1);
        return present;
    }

    @Override
    public V put(K key, V value) {
        V previous = map.put(key, value);
        recorder.record(TraceOperation.PUT, key, previous != null, TraceRecorder.sizeOf(value));
        return previous;
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        entries.forEach(this::put);
    }

    @Override
    public V remove(Object key) {
        V previous = map.remove(key);
        recorder.record(TraceOperation.REMOVE, key, previous != null, TraceRecorder.sizeOf(previous));
        return previous;
    }

    @Override
    public boolean remove(Object key, Object value) {
        boolean removed = map.remove(key, value);
        recorder.record(TraceOperation.REMOVE, key, removed, TraceRecorder.sizeOf(value));
        return removed;
    }

    @Override
    public V putIfAbsent(K key, V value) {
        V present = map.putIfAbsent(key, value);
        recorder.record(TraceOperation.PUT_IF_ABSENT, key, present != null,
                TraceRecorder.sizeOf(present != null ? present : value));
        return present;
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        boolean replaced = map.replace(key, oldValue, newValue);
        recorder.record(TraceOperation.PUT, key, replaced, TraceRecorder.sizeOf(newValue));
        return replaced;
    }

    @Override
    public V replace(K key, V value) {
        V previous = map.replace(key, value);
        recorder.record(TraceOperation.PUT, key, previous != null, TraceRecorder.sizeOf(value));
        return previous;
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
        boolean[] missed = new boolean[1];
        V value = map.computeIfAbsent(key, k -> {
            missed[0] = true;
            return mapping.apply(k);
        });
        recorder.record(TraceOperation.COMPUTE_IF_ABSENT, key, !missed[0], TraceRecorder.sizeOf(value));
        return value;
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
        boolean[] present = new boolean[1];
        V merged = map.merge(key, value, (old, given) -> {
            present[0] = true;
            return remapping.apply(old, given);
        });
        recorder.record(TraceOperation.MERGE, key, present[0], TraceRecorder.sizeOf(merged));
        return merged;
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
        boolean[] present = new boolean[1];
        V computed = map.compute(key, (k, old) -> {
            present[0] = old != null;
            return remapping.apply(k, old);
        });
        recorder.record(TraceOperation.MERGE, key, present[0], TraceRecorder.sizeOf(computed));
        return computed;
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
        boolean[] present = new boolean[1];
        V computed = map.computeIfPresent(key, (k, old) -> {
            present[0] = true;
            return remapping.apply(k, old);
        });
        recorder.record(TraceOperation.MERGE, key, present[0], TraceRecorder.sizeOf(computed));
        return computed;
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public boolean containsValue(Object value) {
        return map.containsValue(value);
    }

    @Override
    public void clear() {
        map.clear();
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        map.forEach(action);
    }

    @Override
    public Set<K> keySet() {
        return map.keySet();
    }

    @Override
    public Collection<V> values() {
        return map.values();
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return map.entrySet();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || map.equals(other);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }

    @Override
    public String toString() {
        return map.toString();
    }
}
