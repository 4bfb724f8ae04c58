package dev.mapbench.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mapbench.linearizability.BasicMapOperations;
import dev.mapbench.linearizability.LincheckRuns;
import dev.mapbench.linearizability.MapOperations;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The linearizability check has teeth: Lincheck, configured exactly as for the safe strategies,
 * rejects two maps that are correct on one thread and broken on two. If it ever accepts them, the
 * passing checks of the safe strategies mean nothing, and these tests fail.
 */
@Tag("slow")
class LincheckRejectsBrokenMapsTest {

    /** The unsynchronized {@code HashMap}: concurrent puts into one bin overwrite each other. */
    public static final class UnsynchronizedSpec extends MapOperations {
        public UnsynchronizedSpec() {
            super(MapStrategy.UNSYNCHRONIZED_HASHMAP);
        }
    }

    /** Copy-on-write that publishes with {@code set} instead of {@code compareAndSet}. */
    public static final class BlindWriteCopyOnWriteSpec extends BasicMapOperations {
        public BlindWriteCopyOnWriteSpec() {
            super(new BlindWriteCopyOnWriteMap<>());
        }
    }

    /**
     * A counter written as teams write it by mistake: a {@code ConcurrentHashMap} whose merge is a get, then a
     * put of the sum. Every single call is thread-safe; the pair is not, and increments are lost.
     */
    public static final class GetThenPutMergeSpec extends MapOperations {
        public GetThenPutMergeSpec() {
            super(new GetThenPutMergeMap());
        }
    }

    /** ConcurrentHashMap's calls, but merge (and computeIfAbsent) as get-then-put. */
    static final class GetThenPutMergeMap implements SharedMap<Long, Integer> {
        private final java.util.concurrent.ConcurrentHashMap<Long, Integer> map = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Integer get(Long key) {
            return map.get(key);
        }

        @Override
        public Integer put(Long key, Integer value) {
            return map.put(key, value);
        }

        @Override
        public Integer remove(Long key) {
            return map.remove(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public void forEach(java.util.function.BiConsumer<? super Long, ? super Integer> action) {
            map.forEach(action);
        }

        @Override
        public Integer putIfAbsent(Long key, Integer value) {
            return map.putIfAbsent(key, value);
        }

        @Override
        public Integer computeIfAbsent(Long key, java.util.function.Function<? super Long, ? extends Integer> mapping) {
            Integer present = map.get(key);
            if (present != null) {
                return present;
            }
            Integer computed = mapping.apply(key);
            map.put(key, computed);
            return computed;
        }

        @Override
        public Integer merge(Long key, Integer value,
                java.util.function.BiFunction<? super Integer, ? super Integer, ? extends Integer> remapping) {
            Integer old = map.get(key);
            Integer next = old == null ? value : remapping.apply(old, value);
            map.put(key, next);
            return next;
        }
    }

    @Test
    void modelCheckingRejectsAMergeThatIsAGetThenAPut() {
        LincheckVerdicts.assertNotLinearizable(LincheckRuns.modelChecking(), GetThenPutMergeSpec.class);
    }

    @Test
    void modelCheckingRejectsUnsynchronizedHashMap() {
        LincheckVerdicts.assertNotLinearizable(LincheckRuns.modelChecking(), UnsynchronizedSpec.class);
    }

    @Test
    void modelCheckingRejectsCopyOnWriteThatPublishesWithoutCas() {
        LincheckVerdicts.assertNotLinearizable(LincheckRuns.modelChecking(), BlindWriteCopyOnWriteSpec.class);
    }

    /** So the rejection above is about the missing CAS, not a plain bug in the broken variant. */
    @Test
    void blindWriteCopyOnWriteIsCorrectOnOneThread() {
        SharedMap<Long, Integer> broken = new BlindWriteCopyOnWriteMap<>();
        Map<Long, Integer> reference = new HashMap<>();
        for (int step = 0; step < 300; step++) {
            long key = step % 7;
            int value = step;
            switch (step % 3) {
                case 0 -> assertEquals(reference.put(key, value), broken.put(key, value));
                case 1 -> assertEquals(reference.remove(key), broken.remove(key));
                default -> assertEquals(reference.get(key), broken.get(key));
            }
            assertEquals(reference.size(), broken.size());
        }
    }
}
