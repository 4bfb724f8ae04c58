package dev.mapbench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IterationSplitTest {

    @Test
    void threadGroupsFollowJmhsAlphabeticalOrderOfTheGroupMethods() {
        IterationSplit split = new IterationSplit(2, 1, 3);

        assertEquals(MapIterationBenchmark.GROUP_METHODS, java.util.List.of("iterate", "read", "write"));
        assertArrayEquals(new int[] {2, 1, 3}, split.threadGroups());
        assertEquals(6, split.threads());
        assertEquals("i2r1w3", split.label());
        assertEquals("2 iterators + 1 reader + 3 writers", split.describe());
    }

    @Test
    void aSplitNeedsAnIteratorAndAWriter() {
        assertThrows(IllegalArgumentException.class, () -> new IterationSplit(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new IterationSplit(1, 1, 0));
        assertEquals(2, new IterationSplit(1, 0, 1).threads());
    }
}
