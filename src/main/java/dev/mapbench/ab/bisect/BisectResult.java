package dev.mapbench.ab.bisect;

import dev.mapbench.ab.AbDecision;
import dev.mapbench.ab.AbPlan;
import dev.mapbench.stats.RatioInterval;
import java.util.List;
import java.util.Map;

/**
 * What a bisection found, with everything its outputs show: the ends' A/B, every step with its forks and
 * answer, the state of every commit, the culprit with its changed files and its effect, and the wall time.
 *
 * @param range the commits bisected
 * @param plan the ends' cells and fork timing
 * @param settings forks, cap, thresholds, seed
 * @param ends the A/B of good against bad that confirmed (or did not confirm) the regression
 * @param steps every step, in the order run (a commit that does not build is a step without forks)
 * @param commits every commit of the range, good first, with what the bisection knows of it
 * @param outcome what was found
 * @param culprit the first bad commit, when found
 * @param lastGood the last commit shown same as good (the good end at least), unless not reproduced
 * @param firstBad the first commit shown same as bad (the bad end at most), unless not reproduced
 * @param notCertain why a named culprit (or the range) is not certain, one sentence each
 * @param effect the regression at the culprit, per cell
 * @param builds commits built (each once), buildSeconds their wall time
 * @param buildSeconds wall time of all builds
 * @param measureSeconds wall time of all forks
 * @param wallSeconds wall time of the whole bisection
 * @param failedForks forks that failed, one line each
 */
public record BisectResult(CommitRange range, AbPlan plan, Bisection.Settings settings, Ends ends, List<Step> steps,
        List<CommitState> commits, Outcome outcome, Commit culprit, Commit lastGood, Commit firstBad,
        List<String> notCertain, List<Effect> effect, int builds, double buildSeconds, double measureSeconds,
        double wallSeconds, List<String> failedForks) {

    /** Exit code: culprit found for certain, or not reproduced. */
    public static final int FOUND = 0;
    /** Exit code: a culprit named but not certain, or the range left undecided. */
    public static final int NOT_CERTAIN = 1;
    /** Exit code: bad input (refs, options, an end that does not build). */
    public static final int BAD_INPUT = 2;
    /** Exit code: the ruler moved: the machine was unstable. */
    public static final int UNSTABLE = 3;

    /** Copies the lists. */
    public BisectResult {
        steps = List.copyOf(steps);
        commits = List.copyOf(commits);
        notCertain = List.copyOf(notCertain);
        effect = List.copyOf(effect);
        failedForks = List.copyOf(failedForks);
    }

    /** What a bisection found. */
    public enum Outcome {
        /** A first bad commit is named (certain or not: see {@link #notCertain}). */
        FOUND,
        /** The ends' A/B shows no regression of at least the minimum effect. */
        NOT_REPRODUCED,
        /** Commits between the last good and the first bad one could not be decided at the cap. */
        UNDECIDED,
        /** The ruler moved in the ends' A/B or a step: stopped. */
        MACHINE_UNSTABLE
    }

    /** What the bisection knows of a commit. */
    public enum State {
        GOOD("same as good"),
        BAD("same as bad"),
        SKIPPED("skipped: does not build"),
        UNDECIDED("undecided at the cap"),
        UNSTABLE("machine unstable"),
        UNTESTED("not tested");

        private final String words;

        State(String words) {
            this.words = words;
        }

        /** How outputs say it. */
        public String words() {
            return words;
        }
    }

    /**
     * One measurement of a step (or of the ends) at a number of forks a side.
     *
     * @param forks forks a side after this measurement
     * @param seed the seed of its rounds' order
     * @param answer what the step said at these forks
     * @param unstable whether the ruler moved
     * @param seconds wall time of its forks
     */
    public record Attempt(int forks, long seed, StepAnswer answer, boolean unstable, double seconds) {
    }

    /**
     * The ends' A/B.
     *
     * @param attempts its measurements (forks doubled while no cell regressed and some were left unclear)
     * @param result the A/B decision at the last one
     * @param regressedKeys the regressed {@code cell | metric} keys: what each step measures
     * @param unclearKeys cells neither regressed nor shown within the minimum effect at the last attempt
     * @param slowerKeys cells shown slower (speed interval wholly below 1) that did not regress: a slowdown
     *     below the minimum effect
     * @param cellIds comparison label to cell id
     */
    public record Ends(List<Attempt> attempts, AbDecision.Result result, List<String> regressedKeys,
            List<String> unclearKeys, List<String> slowerKeys, Map<String, String> cellIds) {

        /** Copies the collections. */
        public Ends {
            attempts = List.copyOf(attempts);
            regressedKeys = List.copyOf(regressedKeys);
            unclearKeys = List.copyOf(unclearKeys);
            slowerKeys = List.copyOf(slowerKeys);
            cellIds = Map.copyOf(cellIds);
        }

        /** Forks a side at the last attempt. */
        public int forks() {
            return attempts.get(attempts.size() - 1).forks();
        }

        /** Whether the ruler moved between good and bad. */
        public boolean unstable() {
            return !result.unstableShards().isEmpty();
        }
    }

    /**
     * One step.
     *
     * @param number 1, 2, ... in the order run
     * @param index the commit's place in the range (0 = good)
     * @param commit the midpoint
     * @param state what the step concluded
     * @param attempts its measurements, forks doubling while unknown
     * @param decided the answer at the last attempt, null when the commit does not build
     * @param buildFailure why the commit does not build, or null
     */
    public record Step(int number, int index, Commit commit, State state, List<Attempt> attempts,
            StepDecision.Decided decided, String buildFailure) {

        /** Copies the list. */
        public Step {
            attempts = List.copyOf(attempts);
        }

        /** Forks a side at the last attempt (0 when the commit does not build). */
        public int forks() {
            return attempts.isEmpty() ? 0 : attempts.get(attempts.size() - 1).forks();
        }

        /** Wall time of its forks. */
        public double seconds() {
            return attempts.stream().mapToDouble(Attempt::seconds).sum();
        }
    }

    /**
     * A commit of the range with what the bisection knows of it.
     *
     * @param index its place (0 = good)
     * @param commit the commit
     * @param state its state
     * @param step the step that decided it, 0 for the ends and for commits not tested
     */
    public record CommitState(int index, Commit commit, State state, int step) {
    }

    /**
     * The regression at the culprit, for one cell.
     *
     * @param cellId the cell
     * @param metric {@code score} or {@code gc.alloc.rate.norm}
     * @param ratio culprit over good speed with its 95 % interval (null for bytes per op)
     * @param words how the step put it
     * @param forks forks a side it rests on
     * @param where which measurement ({@code step 3}, or {@code the ends' A/B} when the culprit is the bad end)
     */
    public record Effect(String cellId, String metric, RatioInterval ratio, String words, int forks, String where) {
    }

    /** 0 found for certain or not reproduced, 1 not certain or undecided, 3 machine unstable. */
    public int exitCode() {
        return switch (outcome) {
            case FOUND -> notCertain.isEmpty() ? FOUND : NOT_CERTAIN;
            case NOT_REPRODUCED -> FOUND;
            case UNDECIDED -> NOT_CERTAIN;
            case MACHINE_UNSTABLE -> UNSTABLE;
        };
    }

    /** The text output's last line: {@code first bad commit: <hash>}, {@code not reproduced}, or {@code undecided between <hash> and <hash>}. */
    public String lastLine() {
        return switch (outcome) {
            case FOUND -> "first bad commit: " + culprit.hash();
            case NOT_REPRODUCED -> "not reproduced";
            case UNDECIDED, MACHINE_UNSTABLE -> "undecided between " + lastGood.hash() + " and " + firstBad.hash();
        };
    }

    /** Steps that ran forks (a commit that does not build runs none). */
    public long measuredSteps() {
        return steps.stream().filter(step -> step.buildFailure() == null).count();
    }
}
