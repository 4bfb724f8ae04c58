package org.example;

/**
 * Hostile example: once it holds 50 entries its get livelocks, retrying a "rebalance" that never settles.
 * Correct on Lincheck's three keys; at a benchmark's size its fork hangs in setup, which the fork watchdog ends. It
 * gives up only when its thread is interrupted (so a test that gave up on it can stop its threads).
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
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while waiting for a rebalance");
            }
        }
        return super.get(key);
    }
}
