package dev.mapbench.footprint;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.SharedMap;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jol.info.GraphLayout;

/**
 * Measures with JOL what one strategy's map retains as it is filled, emptied and refilled.
 *
 * <p>This walks the whole object graph and is slow on large maps; it is a tool to run beside the
 * benchmarks, never inside a timed method. The map is driven single-threaded through
 * {@link SharedMap}, as a service would fill it, so what is measured is the strategy's own layout
 * and not contention leftovers.
 *
 * <p>Total bytes are everything reachable from the strategy's map object. Payload bytes are the own
 * bytes of the keys and values the map holds at that moment; structure bytes are the rest: objects,
 * tables, nodes, locks and wrappers the strategy adds around the data. For {@code WRAPPER_LAYER}
 * the facade's {@code Entry} records are structure, which is the cost it hides. That facade also
 * boxes the {@code long} id again, so the key objects it holds are its own {@code Long}s, of the
 * same size as the caller's keys; they are counted as payload like everyone's keys.
 */
public final class FootprintMeter {

    private final MeasuringJvm jvm = MeasuringJvm.current();

    /** The JVM these measurements are valid for; creating the meter initialised JOL for it. */
    public MeasuringJvm jvm() {
        return jvm;
    }

    /** Fills, empties and refills a new map of {@code strategy} with {@code size} entries, measuring after each step. */
    public List<FootprintRow> measure(MapStrategy strategy, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, was " + size);
        }
        EntryObjects entries = EntryObjects.distinct(size);
        long payloadBytes = entries.payloadBytes();
        SharedMap<Long, Long> map = strategy.create(size);

        List<FootprintRow> rows = new ArrayList<>(FootprintPhase.values().length);
        rows.add(measureNow(strategy, size, FootprintPhase.CREATED, map, 0, 0));
        putAll(map, entries);
        rows.add(measureNow(strategy, size, FootprintPhase.FILLED, map, size, payloadBytes));
        removeAll(map, entries);
        rows.add(measureNow(strategy, size, FootprintPhase.EMPTIED, map, 0, 0));
        putAll(map, entries);
        rows.add(measureNow(strategy, size, FootprintPhase.REFILLED, map, size, payloadBytes));
        return rows;
    }

    private static FootprintRow measureNow(MapStrategy strategy, int size, FootprintPhase phase,
                                           SharedMap<Long, Long> map, int expectedEntries, long payloadBytes) {
        int entries = map.size();
        if (entries != expectedEntries) {
            // A strategy that lost or kept entries would make every figure below meaningless.
            throw new IllegalStateException(strategy + " holds " + entries + " entries when " + phase.label()
                    + ", expected " + expectedEntries);
        }
        long totalBytes = GraphLayout.parseInstance(map).totalSize();
        return new FootprintRow(strategy, size, phase, entries, totalBytes, totalBytes - payloadBytes, payloadBytes);
    }

    private static void putAll(SharedMap<Long, Long> map, EntryObjects entries) {
        for (int i = 0; i < entries.count(); i++) {
            map.put(entries.key(i), entries.value(i));
        }
    }

    private static void removeAll(SharedMap<Long, Long> map, EntryObjects entries) {
        for (int i = 0; i < entries.count(); i++) {
            map.remove(entries.key(i));
        }
    }
}
