package org.example;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;

/**
 * The base of the hostile example maps: a HashMap behind one monitor, every call locked for its whole length,
 * so it is linearizable and passes Lincheck on keys 1..3. Each hostile map overrides one thing that goes wrong
 * only at a benchmark's sizes. Built into target/example-plugin/hostile-maps.jar by the tests.
 */
public class LockedMap<K, V> extends AbstractMap<K, V> implements ConcurrentMap<K, V> {

    protected final Map<K, V> map = new HashMap<>();

    public LockedMap() {
    }

    @Override
    public synchronized V get(Object key) {
        return map.get(key);
    }

    @Override
    public synchronized V put(K key, V value) {
        return map.put(key, value);
    }

    @Override
    public synchronized V remove(Object key) {
        return map.remove(key);
    }

    @Override
    public synchronized V putIfAbsent(K key, V value) {
        return map.putIfAbsent(key, value);
    }

    @Override
    public synchronized boolean remove(Object key, Object value) {
        return map.remove(key, value);
    }

    @Override
    public synchronized boolean replace(K key, V oldValue, V newValue) {
        return map.replace(key, oldValue, newValue);
    }

    @Override
    public synchronized V replace(K key, V value) {
        return map.replace(key, value);
    }

    @Override
    public synchronized int size() {
        return map.size();
    }

    /** A copy taken under the lock, so iterating it never throws. */
    @Override
    public synchronized Set<Entry<K, V>> entrySet() {
        Set<Entry<K, V>> entries = new LinkedHashSet<>();
        for (Entry<K, V> entry : map.entrySet()) {
            entries.add(new SimpleImmutableEntry<>(entry));
        }
        return entries;
    }
}
