package org.example;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;

/**
 * Example of a plug-in mapbench must refuse: every call it makes on its HashMap is synchronized, but put
 * and remove are check-then-act, two locked steps with a gap between them. Two threads that put the same
 * key both read the same previous value; two that remove it both get the value back. Correct on one
 * thread, not linearizable on two. Built into target/example-plugin/broken-map.jar by the tests.
 */
public final class RacyMap<K, V> extends AbstractMap<K, V> implements ConcurrentMap<K, V> {

    private final Map<K, V> map = new HashMap<>();

    /** The no-argument constructor: mapbench uses it when there is no int-capacity one. */
    public RacyMap() {
    }

    @Override
    public synchronized V get(Object key) {
        return map.get(key);
    }

    private synchronized void store(K key, V value) {
        map.put(key, value);
    }

    private synchronized void delete(Object key) {
        map.remove(key);
    }

    @Override
    public V put(K key, V value) {
        V previous = get(key); // the gap: another writer can run between this read and the store
        store(key, value);
        return previous;
    }

    @Override
    public V remove(Object key) {
        V previous = get(key);
        if (previous != null) {
            delete(key);
        }
        return previous;
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

    @Override
    public synchronized Set<Entry<K, V>> entrySet() {
        Set<Entry<K, V>> entries = new LinkedHashSet<>();
        for (Entry<K, V> entry : map.entrySet()) {
            entries.add(new SimpleImmutableEntry<>(entry));
        }
        return entries;
    }
}
