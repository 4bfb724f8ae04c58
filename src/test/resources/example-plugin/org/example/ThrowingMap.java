package org.example;

/**
 * Hostile example: its get throws once it holds more than 50 entries (an index it sized for 50). Correct on
 * Lincheck's three keys; at a benchmark's size every fork fails.
 */
public final class ThrowingMap<K, V> extends LockedMap<K, V> {

    public ThrowingMap() {
    }

    @Override
    public V get(Object key) {
        if (size() > 50) {
            throw new IllegalStateException("index overflow: sized for 50 entries, holds " + size());
        }
        return super.get(key);
    }
}
