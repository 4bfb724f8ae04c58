package dev.mapbench.maps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.LongFunction;

/**
 * The wrapper layer: the thread-safe facade a team writes around a map, with its own API.
 *
 * <p>It is modelled on what such layers really do: primitive {@code long} ids in the API, boxed to
 * {@link Long} for the map inside; each value stored in a small {@link Entry} record; results returned
 * as {@link Optional}; a {@code ReentrantReadWriteLock} around a {@link HashMap}, as in the original
 * problem. Its allocations are those of that design, nothing added: a read allocates the boxed key
 * (for ids outside the {@code Long} cache) and a non-empty {@code Optional}; a write allocates the
 * boxed key, the {@code Entry}, the map's node and the returned {@code Optional}.
 */
public final class GuardedLongMap<V> {

    /** One stored value with its id, as teams keep them to hand entries out whole. */
    public record Entry<V>(long id, V value) {
    }

    private final Map<Long, Entry<V>> entries;
    private final ReentrantReadWriteLock lock;

    public GuardedLongMap(int expectedSize) {
        this(HashMaps.withExpectedSize(expectedSize), new ReentrantReadWriteLock());
    }

    private GuardedLongMap(Map<Long, Entry<V>> entries, ReentrantReadWriteLock lock) {
        this.entries = entries;
        this.lock = lock;
    }

    /** The value stored under {@code id}. */
    public Optional<V> find(long id) {
        lock.readLock().lock();
        try {
            Entry<V> entry = entries.get(id);
            return entry == null ? Optional.empty() : Optional.of(entry.value());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Stores {@code value} under {@code id}; returns the value it replaced. */
    public Optional<V> store(long id, V value) {
        Entry<V> fresh = new Entry<>(id, value);
        lock.writeLock().lock();
        try {
            Entry<V> previous = entries.put(id, fresh);
            return previous == null ? Optional.empty() : Optional.of(previous.value());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Deletes {@code id}; returns the value it had. */
    public Optional<V> delete(long id) {
        lock.writeLock().lock();
        try {
            Entry<V> previous = entries.remove(id);
            return previous == null ? Optional.empty() : Optional.of(previous.value());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Stores {@code value} under {@code id} unless it has one; returns the value it already had. */
    public Optional<V> storeIfAbsent(long id, V value) {
        lock.writeLock().lock();
        try {
            Entry<V> present = entries.get(id);
            if (present != null) {
                return Optional.of(present.value());
            }
            entries.put(id, new Entry<>(id, value));
            return Optional.empty();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The value under {@code id}, created by {@code create} when there is none: looked up under the read lock
     * first, then, on a miss, checked again and created under the write lock (once).
     */
    public Optional<V> findOrCreate(long id, LongFunction<? extends V> create) {
        Optional<V> found = find(id);
        if (found.isPresent()) {
            return found;
        }
        lock.writeLock().lock();
        try {
            Entry<V> present = entries.get(id);
            if (present != null) {
                return Optional.of(present.value());
            }
            V created = create.apply(id);
            if (created == null) {
                return Optional.empty();
            }
            entries.put(id, new Entry<>(id, created));
            return Optional.of(created);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Stores {@code value} under {@code id}, or {@code combine(old, value)} when it has one (deleting it when that is
     * null), under the write lock; returns the stored value.
     */
    public Optional<V> accumulate(long id, V value, BiFunction<? super V, ? super V, ? extends V> combine) {
        lock.writeLock().lock();
        try {
            Entry<V> present = entries.get(id);
            V next = present == null ? value : combine.apply(present.value(), value);
            if (next == null) {
                entries.remove(id);
                return Optional.empty();
            }
            entries.put(id, new Entry<>(id, next));
            return Optional.of(next);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The number of stored entries. */
    public int count() {
        lock.readLock().lock();
        try {
            return entries.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A copy of every entry, taken under the read lock: safe to walk while others write. */
    public List<Entry<V>> snapshot() {
        lock.readLock().lock();
        try {
            return new ArrayList<>(entries.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The classic mistake, kept so the hazard tests can show it: a "copy" that gets a fresh lock but
     * shares this map's storage. Writes through either object race with the other; never use it.
     */
    public GuardedLongMap<V> shallowCopy() {
        return new GuardedLongMap<>(entries, new ReentrantReadWriteLock());
    }

    /** An independent copy: its own storage, filled under this map's read lock, and its own lock. */
    public GuardedLongMap<V> deepCopy() {
        lock.readLock().lock();
        try {
            return new GuardedLongMap<>(new HashMap<>(entries), new ReentrantReadWriteLock());
        } finally {
            lock.readLock().unlock();
        }
    }
}
