package dev.mapbench.ab;

import dev.mapbench.report.model.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an A/B ran, for its outputs: refs and commits, seed, forks, timing, machine and wall times.
 *
 * @param baselineRef the baseline ref as given
 * @param candidateRef the candidate ref as given
 * @param baselineCommit the commit the baseline ref named
 * @param candidateCommit the commit the candidate ref named
 * @param baselineProperties {@code -D} properties given to the baseline's forks only
 * @param candidateProperties {@code -D} properties given to the candidate's forks only
 * @param seed the seed of the interleaved schedule (rerun with {@code --seed} for the same order)
 * @param forks forks a side per cell
 * @param timing one fork's iterations, e.g. {@code 2 × 150 ms warmup + 4 × 100 ms}
 * @param cells cells compared (ruler included)
 * @param shards the shards (machines) merged, {@code 1/1} for one machine
 * @param machine CPU model, cores and JVM of each shard
 * @param buildSeconds wall time of both builds
 * @param measureSeconds wall time of the interleaved forks
 * @param meanForkSeconds measured wall time per fork (JMH host and fork JVM included)
 * @param failedForks forks that failed, one line each
 * @param notes other facts the reader needs
 */
public record AbSummary(String baselineRef, String candidateRef, String baselineCommit, String candidateCommit,
        List<String> baselineProperties, List<String> candidateProperties, long seed, int forks, String timing,
        int cells, List<String> shards, List<String> machine, double buildSeconds, double measureSeconds,
        double meanForkSeconds, List<String> failedForks, List<String> notes) {

    /** The lines that say what ran where, as every output of the A/B opens. */
    public List<String> headerLines() {
        List<String> lines = new ArrayList<>();
        lines.add("baseline:  " + baselineRef + " (" + abbreviate(baselineCommit) + ")" + properties(baselineProperties));
        lines.add("candidate: " + candidateRef + " (" + abbreviate(candidateCommit) + ")" + properties(candidateProperties));
        lines.add(String.format(Locale.ROOT, "schedule: %d cells x %d forks a side, randomized interleaved rounds "
                + "(seed %d, rerun with --seed %d); fork = %s", cells, forks, seed, seed, timing));
        machine.forEach(one -> lines.add("machine: " + one));
        if (measureSeconds > 0) {
            lines.add("wall time: builds " + Numbers.duration(buildSeconds) + ", forks " + Numbers.duration(measureSeconds)
                    + " (" + Numbers.seconds(meanForkSeconds) + " a fork)");
        }
        failedForks.forEach(failed -> lines.add("FAILED fork: " + failed));
        notes.forEach(note -> lines.add("note: " + note));
        return lines;
    }

    private static String properties(List<String> properties) {
        return properties.isEmpty() ? "" : ", forks with " + String.join(" ", properties);
    }

    private static String abbreviate(String commit) {
        return commit == null ? "?" : commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    /** Copies the lists. */
    public AbSummary {
        baselineProperties = List.copyOf(baselineProperties);
        candidateProperties = List.copyOf(candidateProperties);
        shards = List.copyOf(shards);
        machine = List.copyOf(machine);
        failedForks = List.copyOf(failedForks);
        notes = List.copyOf(notes);
    }
}
