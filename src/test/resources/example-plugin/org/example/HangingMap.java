package org.example;

/**
 * Hostile example: once it holds 50 entries its get livelocks, retrying a "rebalance" that never settles.
 * Correct on Lincheck's three keys; at a benchmark's size its fork hangs in setup, which the fork watchdog ends.
 */
public final class HangingMap<K, V> extends LockedMap<K, V> {

    private volatile int rebalances;

    public HangingMap() {
    }

    @Override
    public V get(Object key) {
        while (size() >= 50) {
            rebalances++; // waits for a rebalance no thread ever finishes
            Thread.onSpinWait();
        }
        return super.get(key);
    }
}
