package dev.mapbench.maps;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.StampedLock;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link HashMap} guarded by a {@link StampedLock}, with optimistic reads.
 *
 * <p>A read first tries an optimistic stamp: it looks the key up without locking and keeps the
 * answer only if no write happened meanwhile. A lookup that races a write may see a half-updated
 * table and throw (for example during a resize); such a read is discarded like any other failed
 * validation and retried under the read lock. Writes take the exclusive lock. A {@code computeIfAbsent} hit
 * is such a read; a miss takes the write lock and checks again, so its function runs once, under the lock.
 */
public final class StampedLockHashMap<K, V> implements SharedMap<K, V> {

    private final Map<K, V> map;
    private final StampedLock lock = new StampedLock();

    public StampedLockHashMap(int expectedSize) {
        this.map = HashMaps.withExpectedSize(expectedSize);
    }

    @Override
    public V get(K key) {
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0L) {
            try {
                V value = map.get(key);
                if (lock.validate(stamp)) {
                    return value;
                }
            } catch (RuntimeException racedWithWriter) {
                // The table changed under the lookup; validation would fail too. Fall through.
            }
        }
        stamp = lock.readLock();
        try {
            return map.get(key);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    @Override
    public V put(K key, V value) {
        long stamp = lock.writeLock();
        try {
            return map.put(key, value);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @Override
    public V remove(K key) {
        long stamp = lock.writeLock();
        try {
            return map.remove(key);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @Override
    public int size() {
        long stamp = lock.readLock();
        try {
            return map.size();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        long stamp = lock.readLock();
        try {
            map.forEach(action);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    @Override
    public V putIfAbsent(K key, V value) {
        long stamp = lock.writeLock();
        try {
            return map.putIfAbsent(key, value);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
        V present = get(key);
        if (present != null) {
            return present;
        }
        long stamp = lock.writeLock();
        try {
            return map.computeIfAbsent(key, mapping);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
        long stamp = lock.writeLock();
        try {
            return map.merge(key, value, remapping);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @Override
    public Set<MapOperation> operations() {
        return SharedMap.allOperations();
    }
}
