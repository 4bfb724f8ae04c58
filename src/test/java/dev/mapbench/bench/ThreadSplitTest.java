package dev.mapbench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadSplitTest {

    private static final List<Integer> STANDARD_RATIOS = List.of(100, 95, 75, 50, 0);

    @Test
    void pureRatiosGiveEveryThreadToOneKind() {
        assertEquals(new ThreadSplit(4, 0), ThreadSplit.of(4, 100));
        assertEquals(new ThreadSplit(0, 4), ThreadSplit.of(4, 0));
        assertEquals(new ThreadSplit(1, 0), ThreadSplit.of(1, 100));
    }

    @Test
    void mixedRatioRoundsReadersButKeepsOneOfEachKind() {
        assertEquals(new ThreadSplit(3, 1), ThreadSplit.of(4, 75));
        assertEquals(new ThreadSplit(2, 2), ThreadSplit.of(4, 50));
        // 95 % of 4 rounds to 4 readers; a mixed cell keeps one writer.
        assertEquals(new ThreadSplit(3, 1), ThreadSplit.of(4, 95));
        assertEquals(new ThreadSplit(1, 1), ThreadSplit.of(2, 95));
        assertEquals(new ThreadSplit(7, 1), ThreadSplit.of(8, 95));
    }

    @Test
    void mixedRatioOnOneThreadHasNoSplit() {
        assertNull(ThreadSplit.of(1, 50));
    }

    @Test
    void distinctSplitsCollapseRatiosThatLandOnTheSameThreads() {
        assertEquals(List.of(new ThreadSplit(1, 0), new ThreadSplit(0, 1)), ThreadSplit.distinct(1, STANDARD_RATIOS));
        assertEquals(List.of(new ThreadSplit(2, 0), new ThreadSplit(1, 1), new ThreadSplit(0, 2)),
                ThreadSplit.distinct(2, STANDARD_RATIOS));
        assertEquals(List.of(new ThreadSplit(4, 0), new ThreadSplit(3, 1), new ThreadSplit(2, 2), new ThreadSplit(0, 4)),
                ThreadSplit.distinct(4, STANDARD_RATIOS));
    }

    @Test
    void labelIsTheShareOfThreadsThatRead() {
        assertEquals(75, new ThreadSplit(3, 1).readerSharePercent());
        assertEquals(50, new ThreadSplit(1, 1).readerSharePercent());
        assertEquals(67, new ThreadSplit(2, 1).readerSharePercent());
        assertEquals(0, new ThreadSplit(0, 2).readerSharePercent());
    }

    @Test
    void threadGroupsListReadersThenWriters() {
        assertArrayEquals(new int[] {3, 1}, new ThreadSplit(3, 1).threadGroups());
        assertEquals(4, new ThreadSplit(3, 1).threads());
    }

    @Test
    void rejectsImpossibleInput() {
        assertThrows(IllegalArgumentException.class, () -> ThreadSplit.of(0, 50));
        assertThrows(IllegalArgumentException.class, () -> ThreadSplit.of(2, 101));
        assertThrows(IllegalArgumentException.class, () -> new ThreadSplit(0, 0));
    }
}
