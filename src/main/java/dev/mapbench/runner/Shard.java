package dev.mapbench.runner;

/**
 * A deterministic slice of the matrix: shard {@code index} of {@code count} (1-based).
 *
 * <p>Shards split by <em>workload</em> (read percent, size, key distribution, threads), never inside
 * one: every strategy of a workload runs on the same machine, so a verdict that ranks strategies, or
 * an A/B that compares both sides of a cell, never compares numbers from two CI runners. Workload
 * {@code w} (0-based, in matrix order) goes to the shard with {@code w mod count == index - 1};
 * calibration cells go to every shard, so each machine measures its own ruler.
 */
public record Shard(int index, int count) {

    /** The whole matrix. */
    public static final Shard ALL = new Shard(1, 1);

    /** Checks the range. */
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException(index + "/" + count + " is not i/n with 1 <= i <= n");
        }
    }

    /** Parses {@code i/n}; blank means the whole matrix. */
    public static Shard parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not of the form i/n, e.g. 2/4");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not of the form i/n, e.g. 2/4");
        }
    }

    /**
     * Whether position {@code position} belongs to this shard when cells are dealt one by one. Kept for
     * the extra cells (latency, GC sweep) that are not split by workload yet; matrix cells use
     * {@link #containsWorkload(int)} through {@link Matrix#positionsOf}.
     */
    public boolean contains(int position) {
        return position % count == index - 1;
    }

    /** Whether the workload with this 0-based matrix-order index belongs to this shard. */
    public boolean containsWorkload(int workloadIndex) {
        return workloadIndex % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
