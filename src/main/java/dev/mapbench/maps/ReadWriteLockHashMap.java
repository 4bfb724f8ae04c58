package dev.mapbench.maps;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A plain {@link HashMap} guarded by a non-fair {@link ReentrantReadWriteLock}. */
public final class ReadWriteLockHashMap<K, V> implements SharedMap<K, V> {

    private final Map<K, V> map;
    private final Lock readLock;
    private final Lock writeLock;

    public ReadWriteLockHashMap(int expectedSize) {
        this.map = HashMaps.withExpectedSize(expectedSize);
        ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        this.readLock = lock.readLock();
        this.writeLock = lock.writeLock();
    }

    @Override
    public V get(K key) {
        readLock.lock();
        try {
            return map.get(key);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public V put(K key, V value) {
        writeLock.lock();
        try {
            return map.put(key, value);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public V remove(K key) {
        writeLock.lock();
        try {
            return map.remove(key);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public int size() {
        readLock.lock();
        try {
            return map.size();
        } finally {
            readLock.unlock();
        }
    }

    /** Holds the read lock for the whole walk: writers wait until it ends. */
    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        readLock.lock();
        try {
            map.forEach(action);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public V putIfAbsent(K key, V value) {
        writeLock.lock();
        try {
            return map.putIfAbsent(key, value);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * A hit under the read lock, as a cache written over this map would: readers share it; a miss takes the
     * write lock and checks again before computing, so the function runs once, under the lock.
     */
    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
        V present = get(key);
        if (present != null) {
            return present;
        }
        writeLock.lock();
        try {
            return map.computeIfAbsent(key, mapping);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
        writeLock.lock();
        try {
            return map.merge(key, value, remapping);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public Set<MapOperation> operations() {
        return SharedMap.allOperations();
    }
}
