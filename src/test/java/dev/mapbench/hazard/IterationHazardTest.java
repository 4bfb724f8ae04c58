package dev.mapbench.hazard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.SharedMap;
import dev.mapbench.maps.SynchronizedMapStrategy;
import dev.mapbench.maps.UnsynchronizedHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Iterating a map (serialising it to JSON, as an endpoint would) while another thread writes.
 *
 * <p>One writer slides a window of {@value #WINDOW} keys, pausing a microsecond between steps: it puts
 * the next key, then removes the oldest, so at every instant the map holds {@value #WINDOW} or
 * {@value #WINDOW} + 1 entries. The unsynchronized
 * {@code HashMap}'s iterator notices the writes and throws {@link ConcurrentModificationException}.
 * {@code Collections.synchronizedMap} does too when the caller iterates without holding its monitor,
 * and does not when it holds it. {@code ConcurrentHashMap} never throws, but its iteration is weakly
 * consistent: one walk can count a number of entries the map never held at any instant; so are Caffeine's
 * unbounded cache, JCTools' map and the skip list. The copy-on-write maps, persistent one included, walk
 * one snapshot.
 */
@Tag("slow")
class IterationHazardTest {

    static final int WINDOW = 1_000;
    /** Generous: with both cores busy elsewhere the unsafe walks saw as few as 1 CME per second. */
    private static final long BUDGET_MILLIS = 8_000;
    /** How long the "absence" side iterates under concurrent writes. */
    private static final long ABSENCE_MILLIS = 1_000;
    /** The least time a hazard is measured for once seen, so its rate is not that of a lucky start. */
    private static final double MIN_SECONDS = 1.0;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Counts of what the iterating thread saw while the writer ran. */
    private record Tally(long iterations, long exceptions, long impossibleCounts, long writes, double seconds) {
    }

    @Test
    void serialisingUnsynchronizedHashMapWhileWritingThrows() throws Exception {
        SharedMap<Long, Integer> map = MapStrategy.UNSYNCHRONIZED_HASHMAP.create(WINDOW);
        Map<Long, Integer> raw = ((UnsynchronizedHashMap<Long, Integer>) map).unwrap();
        Tally tally = iterateWhileWriting(map, () -> serialisedSize(raw), BUDGET_MILLIS, true);
        recordCme("UNSYNCHRONIZED_HASHMAP", tally, "Jackson serialises the raw HashMap");
        assertTrue(tally.exceptions() > 0, "no ConcurrentModificationException in " + tally);
    }

    @Test
    void serialisingSynchronizedMapWithoutItsLockThrows() throws Exception {
        SharedMap<Long, Integer> map = MapStrategy.SYNCHRONIZED_MAP.create(WINDOW);
        Map<Long, Integer> wrapper = ((SynchronizedMapStrategy<Long, Integer>) map).unwrap();
        Tally tally = iterateWhileWriting(map, () -> serialisedSize(wrapper), BUDGET_MILLIS, true);
        recordCme("SYNCHRONIZED_MAP without holding its monitor", tally,
                "Jackson serialises Collections.synchronizedMap without synchronized(map)");
        assertTrue(tally.exceptions() > 0, "no ConcurrentModificationException in " + tally);
    }

    @Test
    void serialisingSynchronizedMapUnderItsLockNeitherThrowsNorSeesAnImpossibleCount() throws Exception {
        SharedMap<Long, Integer> map = MapStrategy.SYNCHRONIZED_MAP.create(WINDOW);
        Map<Long, Integer> wrapper = ((SynchronizedMapStrategy<Long, Integer>) map).unwrap();
        Tally tally = iterateWhileWriting(map, () -> {
            synchronized (wrapper) {
                return serialisedSize(wrapper);
            }
        }, ABSENCE_MILLIS, false);
        recordCme("SYNCHRONIZED_MAP under synchronized(map)", tally,
                "Jackson serialises Collections.synchronizedMap inside synchronized(map)");
        assertAbsent(tally);
    }

    static List<MapStrategy> safeStrategies() {
        return MapStrategy.safeStrategies();
    }

    /**
     * The strategies whose iteration walks the live structure without a lock: it never throws, and it is
     * weakly consistent. Caffeine's unbounded cache iterates its ConcurrentHashMap.
     */
    static final Set<MapStrategy> WEAKLY_CONSISTENT = Set.of(MapStrategy.CONCURRENT_HASHMAP, MapStrategy.CAFFEINE,
            MapStrategy.NON_BLOCKING_HASHMAP, MapStrategy.CONCURRENT_SKIPLIST_MAP);

    static List<MapStrategy> weaklyConsistentStrategies() {
        return MapStrategy.safeStrategies().stream().filter(WEAKLY_CONSISTENT::contains).toList();
    }

    /** Each strategy's own {@code forEach} is its safe visit: it never throws, whatever it costs. */
    @ParameterizedTest
    @MethodSource("safeStrategies")
    void safeStrategyForEachDoesNotThrowWhileWriting(MapStrategy strategy) throws Exception {
        SharedMap<Long, Integer> map = strategy.create(WINDOW);
        Tally tally = iterateWhileWriting(map, () -> countByForEach(map), ABSENCE_MILLIS, false);
        recordCme(strategy.name(), tally, "the strategy's forEach walks the map");
        assertEquals(0, tally.exceptions(), strategy + " threw while iterating: " + tally);
        assertTrue(tally.writes() > 0 && tally.iterations() > 0, "nothing ran concurrently: " + tally);
        if (!WEAKLY_CONSISTENT.contains(strategy)) {
            // Lock or snapshot: every walk sees one state the map really had.
            assertEquals(0, tally.impossibleCounts(), strategy + " saw an impossible count: " + tally);
        }
    }

    /** One walk can count a size the map never had: a walk that sees a state no instant held. */
    @ParameterizedTest
    @MethodSource("weaklyConsistentStrategies")
    void lockFreeIterationIsWeaklyConsistent(MapStrategy strategy) throws Exception {
        SharedMap<Long, Integer> map = strategy.create(WINDOW);
        Tally tally = iterateWhileWriting(map, () -> countByForEach(map), BUDGET_MILLIS, true);
        assertEquals(0, tally.exceptions(), strategy + " threw while iterating: " + tally);
        assertTrue(tally.impossibleCounts() > 0,
                strategy + ": every walk counted " + WINDOW + " or " + (WINDOW + 1) + " entries: " + tally);
    }

    private static void recordCme(String strategy, Tally tally, String how) {
        HazardRates.record(new HazardObservation("iteration-cme", strategy, tally.exceptions() > 0,
                tally.iterations(), tally.seconds(), tally.exceptions() / tally.seconds(),
                "ConcurrentModificationExceptions per second",
                how + " while one thread slides a " + WINDOW + "-key window; " + tally.iterations()
                        + " walks, " + tally.writes() + " writes, " + tally.impossibleCounts()
                        + " walks counted a size the map never had"));
    }

    private static void assertAbsent(Tally tally) {
        assertEquals(0, tally.exceptions(), "threw while iterating: " + tally);
        assertEquals(0, tally.impossibleCounts(), "saw an impossible count: " + tally);
        assertTrue(tally.writes() > 0 && tally.iterations() > 0, "nothing ran concurrently: " + tally);
    }

    /**
     * Walks the map with {@code walk} (which returns the entries it saw) while a writer slides the key
     * window, for the given time; with {@code stopAtFirst}, stops early once the hazard has shown (an
     * exception or an impossible count) and it has been measured for {@link #MIN_SECONDS}.
     */
    private static Tally iterateWhileWriting(SharedMap<Long, Integer> map, IntSupplier walk, long millis,
                                             boolean stopAtFirst) throws InterruptedException {
        for (long key = 0; key < WINDOW; key++) {
            map.put(key, 0);
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong writes = new AtomicLong();
        Thread writer = new Thread(() -> {
            for (long next = WINDOW; !stop.get(); next++) {
                map.put(next, 0);
                map.remove(next - WINDOW);
                writes.incrementAndGet();
                pauseBetweenWrites();
            }
        }, "window-writer");
        writer.setDaemon(true);
        writer.start();
        TimeBound bound = TimeBound.ofMillis(millis);
        long iterations = 0;
        long exceptions = 0;
        long impossible = 0;
        try {
            while (!bound.expired()
                    && !(stopAtFirst && exceptions + impossible > 0 && bound.elapsedSeconds() >= MIN_SECONDS)) {
                iterations++;
                try {
                    int seen = walk.getAsInt();
                    if (seen != WINDOW && seen != WINDOW + 1) {
                        impossible++;
                    }
                } catch (ConcurrentModificationException e) {
                    exceptions++;
                }
            }
        } finally {
            stop.set(true);
            writer.join(5_000);
        }
        return new Tally(iterations, exceptions, impossible, writes.get(), bound.elapsedSeconds());
    }

    /**
     * A writer that never pauses re-takes {@code synchronizedMap}'s unfair monitor at once and starves
     * the walker of it (dozens of walks a second); real writers do other work between writes.
     */
    private static void pauseBetweenWrites() {
        long until = System.nanoTime() + 1_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    private static int countByForEach(SharedMap<Long, Integer> map) {
        int[] seen = new int[1];
        map.forEach((key, value) -> seen[0]++);
        return seen[0];
    }

    /** Serialises {@code map} to JSON and reads the entry count back from the text. */
    private static int serialisedSize(Map<Long, Integer> map) {
        String json;
        try {
            json = JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            // Jackson wraps what the iterator threw; unwrap the CME so the caller can count it.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConcurrentModificationException cme) {
                    throw cme;
                }
            }
            throw new IllegalStateException(e);
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Integer>>() { }).size();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON: " + json, e);
        }
    }
}
