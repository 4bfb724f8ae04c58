package dev.mapbench.bench;

/**
 * How an iteration cell of {@link MapIterationBenchmark} divides its threads between the group's
 * {@code iterate}, {@code read} and {@code write} methods: JMH's {@code threadGroups} option.
 *
 * <p>An iteration cell always has at least one iterator and one writer, since what it measures is a
 * walk racing writes; readers may be none.
 *
 * @param iterators threads walking the whole map in a loop
 * @param readers threads doing {@code get}
 * @param writers threads doing {@code remove} / {@code put}
 */
public record IterationSplit(int iterators, int readers, int writers) {

    public IterationSplit {
        if (iterators < 1 || writers < 1 || readers < 0) {
            throw new IllegalArgumentException("an iteration split needs >= 1 iterator, >= 1 writer and >= 0 readers: "
                    + iterators + " iterators, " + readers + " readers, " + writers + " writers");
        }
    }

    /** All threads of the cell. */
    public int threads() {
        return iterators + readers + writers;
    }

    /** JMH's {@code threadGroups}: {@code iterate}, {@code read}, {@code write} (alphabetical, as JMH orders them). */
    public int[] threadGroups() {
        return new int[] {iterators, readers, writers};
    }

    /** E.g. {@code i1r0w1}: the split as it appears in a cell id. */
    public String label() {
        return "i" + iterators + "r" + readers + "w" + writers;
    }

    /** E.g. {@code 1 iterator + 0 readers + 1 writer}. */
    public String describe() {
        return count(iterators, "iterator") + " + " + count(readers, "reader") + " + " + count(writers, "writer");
    }

    private static String count(int threads, String noun) {
        return threads + " " + noun + (threads == 1 ? "" : "s");
    }
}
