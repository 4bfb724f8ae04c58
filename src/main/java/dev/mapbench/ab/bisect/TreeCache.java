package dev.mapbench.ab.bisect;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Built trees by commit hash, for the life of one bisection: each commit is built at most once, whether it
 * built or not (a commit that does not build is remembered with its reason, like {@code git bisect skip}).
 * The ends' trees are built first and measured in every step.
 */
final class TreeCache {

    private final Machine machine;
    private final PrintStream console;
    private final Map<String, Machine.Tree> built = new LinkedHashMap<>();
    private final Map<String, String> failed = new LinkedHashMap<>();
    private double buildSeconds;

    TreeCache(Machine machine, PrintStream console) {
        this.machine = machine;
        this.console = console;
    }

    /** The commit's tree, built now if it was not yet; empty when it does not build. */
    Optional<Machine.Tree> tree(Commit commit) throws IOException {
        Machine.Tree tree = built.get(commit.hash());
        if (tree != null || failed.containsKey(commit.hash())) {
            return Optional.ofNullable(tree);
        }
        long start = System.nanoTime();
        try {
            tree = machine.build(commit);
            built.put(commit.hash(), tree);
            return Optional.of(tree);
        } catch (Machine.DoesNotBuild e) {
            failed.put(commit.hash(), e.getMessage());
            console.printf(Locale.ROOT, "bisect: %s does not build: %s%n", commit.shortHash(), e.getMessage());
            return Optional.empty();
        } finally {
            buildSeconds += (System.nanoTime() - start) / 1e9;
        }
    }

    /** Why the commit did not build, or null. */
    String failure(Commit commit) {
        return failed.get(commit.hash());
    }

    /** How many commits were built (or tried): each once. */
    int builds() {
        return built.size() + failed.size();
    }

    /** Wall time of all builds. */
    double buildSeconds() {
        return buildSeconds;
    }
}
