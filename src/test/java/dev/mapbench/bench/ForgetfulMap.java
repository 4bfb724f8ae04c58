package dev.mapbench.bench;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A map correct while small that loses writes at a benchmark's size: once it holds more than 32 entries and has
 * seen a remove (the fill is over), every fifth put of an absent key is dropped. Lincheck's three keys and the
 * fill's own check never see it; the tear-down's state check does.
 */
public class ForgetfulMap<K, V> extends ConcurrentHashMap<K, V> {

    private final AtomicLong putsAfterARemove = new AtomicLong();
    private volatile boolean removed;

    public ForgetfulMap() {
        super();
    }

    @Override
    public V remove(Object key) {
        removed = true;
        return super.remove(key);
    }

    @Override
    public V put(K key, V value) {
        if (removed && size() > 32 && !containsKey(key) && putsAfterARemove.incrementAndGet() % 5 == 0) {
            return null;
        }
        return super.put(key, value);
    }
}
