package org.example;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;

/**
 * Example plug-in for mapbench: a team's own lock-striped map. The keys are spread over 16 HashMaps,
 * each guarded by its own monitor, so writers to different stripes do not wait for each other. Every
 * single-key call takes its stripe's monitor for the whole call, which is what makes it linearizable.
 * Built into target/example-plugin/example-map.jar by the tests; see the README, "Bring your own map".
 */
public final class TeamMap<K, V> extends AbstractMap<K, V> implements ConcurrentMap<K, V> {

    private static final int STRIPES = 16;

    private final Map<K, V>[] stripes;

    /** The int-capacity constructor mapbench calls with the map's expected size. */
    @SuppressWarnings("unchecked")
    public TeamMap(int expectedSize) {
        stripes = new Map[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new HashMap<>(Math.max(16, (int) Math.ceil(expectedSize / (0.75 * STRIPES))));
        }
    }

    private Map<K, V> stripe(Object key) {
        int h = key.hashCode();
        return stripes[(h ^ (h >>> 16)) & (STRIPES - 1)];
    }

    @Override
    public V get(Object key) {
        Map<K, V> stripe = stripe(key);
        synchronized (stripe) {
            return stripe.get(key);
        }
    }

    @Override
    public boolean containsKey(Object key) {
        Map<K, V> stripe = stripe(key);
        synchronized (stripe) {
            return stripe.containsKey(key);
        }
    }

    @Override
    public V put(K key, V value) {
        Map<K, V> stripe = stripe(key);
        synchronized (stripe) {
            return stripe.put(key, value);
        }
    }

    @Override
    public V remove(Object key) {
        Map<K, V> stripe = stripe(key);
        synchronized (stripe) {
            return stripe.remove(key);
        }
    }

    @Override
    public V putIfAbsent(K key, V value) {
        Map<K, V> stripe = stripe(key);
        synchronized (stripe) {
            return stripe.putIfAbsent(key, value);
        }
    }

    @Override
    public boolean remove(Object key, Object value) {
        Map<K, V> stripe = stripe(key);
        synchronized (stripe) {
            return stripe.remove(key, value);
        }
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        Map<K, V> stripe = stripe(key);
        synchronized (stripe) {
            return stripe.replace(key, oldValue, newValue);
        }
    }

    @Override
    public V replace(K key, V value) {
        Map<K, V> stripe = stripe(key);
        synchronized (stripe) {
            return stripe.replace(key, value);
        }
    }

    /** Sums the stripes one after another: exact at quiescence, an estimate while writers run. */
    @Override
    public int size() {
        int size = 0;
        for (Map<K, V> stripe : stripes) {
            synchronized (stripe) {
                size += stripe.size();
            }
        }
        return size;
    }

    /** A copy taken stripe by stripe, so iterating it never throws. */
    @Override
    public Set<Entry<K, V>> entrySet() {
        Set<Entry<K, V>> entries = new LinkedHashSet<>();
        for (Map<K, V> stripe : stripes) {
            synchronized (stripe) {
                for (Entry<K, V> entry : stripe.entrySet()) {
                    entries.add(new SimpleImmutableEntry<>(entry));
                }
            }
        }
        return entries;
    }
}
