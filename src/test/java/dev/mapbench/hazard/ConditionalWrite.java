package dev.mapbench.hazard;

import dev.mapbench.maps.SharedMap;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The fix for writes that land after their task was cancelled: the write and its cancellation race for
 * one state, and exactly one wins.
 *
 * <p>{@code Future.cancel(true)} only interrupts; a task that does not look lands its write anyway.
 * Checking {@code Thread.interrupted()} just before writing narrows the window but does not close it:
 * the cancel can arrive between the check and the write. Here the task claims the write with a
 * compare-and-set before doing it, and {@link #cancel()} succeeds only while the write is unclaimed, so
 * "cancelled" means "will never be written" and a failed cancel means "written, or being written".
 */
final class ConditionalWrite<K, V> {

    private enum State { PENDING, WRITING, CANCELLED }

    private final AtomicReference<State> state = new AtomicReference<>(State.PENDING);
    private final SharedMap<K, V> map;
    private final K key;
    private final V value;

    ConditionalWrite(SharedMap<K, V> map, K key, V value) {
        this.map = map;
        this.key = key;
        this.value = value;
    }

    /** Writes unless cancelled first; returns whether it wrote. Called by the task when its work is done. */
    boolean writeUnlessCancelled() {
        if (!state.compareAndSet(State.PENDING, State.WRITING)) {
            return false;
        }
        map.put(key, value);
        return true;
    }

    /** Cancels the write if it has not been claimed yet; {@code true} means it will never happen. */
    boolean cancel() {
        return state.compareAndSet(State.PENDING, State.CANCELLED);
    }
}
