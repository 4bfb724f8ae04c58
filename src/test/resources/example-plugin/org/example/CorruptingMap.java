package org.example;

/**
 * Hostile example: locked while small, but past 32 entries a put "refreshes" its entry — a remove then an
 * insert — on the HashMap without the lock, to save the monitor on a hot path. Two threads doing that at once
 * race on the HashMap's bins and its size counter. Correct on Lincheck's three keys and on one thread; under a
 * benchmark's threads its size drifts from its contents, which the tear-down's state check finds.
 */
public final class CorruptingMap<K, V> extends LockedMap<K, V> {

    public CorruptingMap() {
    }

    @Override
    public V put(K key, V value) {
        if (super.size() <= 32) {
            return super.put(key, value);
        }
        V old = map.remove(key);
        map.put(key, value);
        return old;
    }
}
