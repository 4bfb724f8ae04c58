package dev.mapbench.ab.bisect;

import dev.mapbench.ab.AbPlan;
import dev.mapbench.compare.RunSide;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where a bisection builds and measures: {@link ForkMachine} on this computer, a simulated one in the tests.
 * The bisection only ever asks for a tree per commit, for interleaved forks of some trees, and whether two
 * commits' rulers are the same code.
 */
public interface Machine extends AutoCloseable {

    /** A built commit, ready to run forks on. */
    interface Tree {
        /** The commit it was built from. */
        Commit commit();
    }

    /** A commit that does not build; the message says why in a line. */
    final class DoesNotBuild extends Exception {
        private static final long serialVersionUID = 1L;

        /** Why the commit does not build. */
        public DoesNotBuild(String message) {
            super(message);
        }
    }

    /**
     * What one measurement left.
     *
     * @param sides each tree's samples over every round measured so far under the measurement's name, in
     *     the order the trees were given
     * @param cellIdByLabel comparison label to cell id, for every cell measured
     * @param seconds wall time of this call's forks
     * @param failedForks forks that failed, one line each
     */
    record Measured(List<RunSide> sides, Map<String, String> cellIdByLabel, double seconds, List<String> failedForks) {

        /** Copies the collections. */
        public Measured {
            sides = List.copyOf(sides);
            cellIdByLabel = Map.copyOf(cellIdByLabel);
            failedForks = List.copyOf(failedForks);
        }
    }

    /** Builds {@code commit}; called at most once per commit by {@link TreeCache}. */
    Tree build(Commit commit) throws DoesNotBuild, IOException;

    /**
     * Runs rounds {@code firstRound..lastRound} of {@code plan}'s cells on {@code trees}, interleaved (one fork
     * of every cell on every tree a round, seeded order), adding to earlier rounds measured under {@code name}.
     *
     * @param labels how outputs name each tree ({@code good}, {@code midpoint}, {@code bad})
     */
    Measured measure(String name, AbPlan plan, List<Tree> trees, List<String> labels, int firstRound, int lastRound,
            long seed) throws IOException;

    /** Whether the ruler's code is the same in both commits (else the ruler is reported, not used). */
    boolean rulerComparable(Commit a, Commit b) throws IOException;

    /** Removes the built trees. */
    @Override
    void close() throws IOException;
}
