package dev.mapbench.maps;

import dev.mapbench.linearizability.LincheckRuns;
import dev.mapbench.linearizability.MapOperations;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    public static final class BlindWriteCopyOnWriteSpec extends MapOperations {
        public BlindWriteCopyOnWriteSpec() {
            super(new BlindWriteCopyOnWriteMap<>());
        }
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
