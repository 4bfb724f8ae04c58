package dev.mapbench.runner;

/**
 * A deterministic slice of the matrix: shard {@code index} of {@code count} (1-based) takes the cells
 * whose matrix position {@code k} satisfies {@code k mod count == index - 1}.
 */
public record Shard(int index, int count) {

    /** The whole matrix. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("bench.shard: " + index + "/" + count + " is not i/n with 1 <= i <= n");
        }
    }

    /** Parses {@code i/n}; blank means the whole matrix. */
    public static Shard parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("bench.shard: '" + text + "' is not of the form i/n, e.g. 2/4");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bench.shard: '" + text + "' is not of the form i/n, e.g. 2/4");
        }
    }

    /** Whether matrix position {@code position} belongs to this shard. */
    public boolean contains(int position) {
        return position % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
