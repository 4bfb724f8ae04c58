package dev.mapbench.maps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The wrapper layer for keys that are objects (String keys): {@link GuardedLongMap}'s design — its own API,
 * each value in an {@link Entry} record, results as {@link Optional}, a {@code ReentrantReadWriteLock} around a
 * {@link HashMap} — with the caller's key as the id, so there is no boxing; what remains is the facade's own
 * allocation (the entry per write, a non-empty {@code Optional} per hit). Written out call by call, like
 * {@link GuardedLongMap}, so no lambda is allocated per call.
 */
public final class GuardedMap<K, V> {

    /** One stored value with its id. */
    public record Entry<K, V>(K id, V value) {
    }

    private final Map<K, Entry<K, V>> entries;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    public GuardedMap(int expectedSize) {
        this.entries = HashMaps.withExpectedSize(expectedSize);
    }

    public Optional<V> find(K id) {
        lock.readLock().lock();
        try {
            return valueOf(entries.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    public Optional<V> store(K id, V value) {
        Entry<K, V> fresh = new Entry<>(id, value);
        lock.writeLock().lock();
        try {
            return valueOf(entries.put(id, fresh));
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Optional<V> delete(K id) {
        lock.writeLock().lock();
        try {
            return valueOf(entries.remove(id));
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Optional<V> storeIfAbsent(K id, V value) {
        lock.writeLock().lock();
        try {
            Entry<K, V> present = entries.get(id);
            if (present == null) {
                entries.put(id, new Entry<>(id, value));
            }
            return valueOf(present);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Looked up under the read lock; on a miss checked again and created under the write lock, once. */
    public Optional<V> findOrCreate(K id, Function<? super K, ? extends V> create) {
        Optional<V> found = find(id);
        if (found.isPresent()) {
            return found;
        }
        lock.writeLock().lock();
        try {
            Entry<K, V> present = entries.get(id);
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

    public Optional<V> accumulate(K id, V value, BiFunction<? super V, ? super V, ? extends V> combine) {
        lock.writeLock().lock();
        try {
            Entry<K, V> present = entries.get(id);
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

    public int count() {
        lock.readLock().lock();
        try {
            return entries.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A copy of every entry, taken under the read lock. */
    public List<Entry<K, V>> snapshot() {
        lock.readLock().lock();
        try {
            return new ArrayList<>(entries.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    private static <V> Optional<V> valueOf(Entry<?, V> entry) {
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }
}
