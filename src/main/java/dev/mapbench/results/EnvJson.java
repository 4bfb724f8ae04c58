package dev.mapbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run folder's {@code env.json}: where, on what and how a run measured. The runner writes it (and rewrites it
 * as the run goes), a shard merge writes the merged one, each side of an A/B writes its own; the report, the
 * comparison, a resumed run and a merge read it. {@link EnvJsonFile} is its one reader and writer.
 *
 * <p>The file is one flat JSON object; the components group its fields by what they describe, and
 * {@link EnvJsonFile} maps each group's fields to and from the top level (except {@code git}, {@code race},
 * {@code ab} and {@code linearizabilityChecks}, which are nested objects in the file too). Any field may be
 * absent: older runners wrote fewer, and tests write only what they need; an absent field is null here, an
 * absent group is a group of nulls (or null for the groups only some runs write: {@code deep}, {@code race},
 * {@code linearizabilityChecks}, {@code ab}, {@code merge}). Top-level fields this version does not know are
 * kept in {@code unknown} and written back.
 *
 * @param version the format version ({@link EnvJsonFile#VERSION}; files without one are version 1)
 * @param run which run this is and when it ran
 * @param machine where it measured (and what makes two runs comparable: {@link Machine#identity()})
 * @param plan what it was asked to measure
 * @param deep the deeper measurements added to the matrix, or null for runs that do not record them (A/B sides)
 * @param race how the forks were spent, or null when not recorded
 * @param linearizabilityChecks per plug-in strategy, how its linearizability check went, or null when not
 *     recorded
 * @param ab which side of which A/B this run folder is, or null for a run that is no A/B side
 * @param merge the shards a merged run came from, or null for a run that is no merge
 * @param unknown top-level fields this version does not know, by name in file order
 */
public record EnvJson(int version, Run run, Machine machine, Plan plan, Deep deep, Race race,
        Map<String, LinearizabilityCheck> linearizabilityChecks, AbSide ab, Merge merge,
        Map<String, JsonNode> unknown) {

    /** Copies the maps; absent groups that every env.json has become groups of nulls. */
    public EnvJson {
        run = run == null ? new Run(null, null, null, null, null, null) : run;
        machine = machine == null ? new Machine(null, null, null, null, null, null, null) : machine;
        plan = plan == null ? new Plan(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null) : plan;
        linearizabilityChecks = linearizabilityChecks == null ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(linearizabilityChecks));
        unknown = unknown == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(unknown));
    }

    /** An env.json of the current version with these groups and nothing else. */
    public static EnvJson of(Run run, Machine machine, Plan plan) {
        return new EnvJson(EnvJsonFile.VERSION, run, machine, plan, null, null, null, null, null, Map.of());
    }

    /** This env.json with another run group. */
    public EnvJson withRun(Run other) {
        return new EnvJson(version, other, machine, plan, deep, race, linearizabilityChecks, ab, merge, unknown);
    }

    /** This env.json with another machine. */
    public EnvJson withMachine(Machine other) {
        return new EnvJson(version, run, other, plan, deep, race, linearizabilityChecks, ab, merge, unknown);
    }

    /** This env.json with another plan. */
    public EnvJson withPlan(Plan other) {
        return new EnvJson(version, run, machine, other, deep, race, linearizabilityChecks, ab, merge, unknown);
    }

    /** This env.json with the deeper measurements recorded. */
    public EnvJson withDeep(Deep other) {
        return new EnvJson(version, run, machine, plan, other, race, linearizabilityChecks, ab, merge, unknown);
    }

    /** This env.json with the race recorded. */
    public EnvJson withRace(Race other) {
        return new EnvJson(version, run, machine, plan, deep, other, linearizabilityChecks, ab, merge, unknown);
    }

    /** This env.json with the plug-ins' linearizability checks recorded. */
    public EnvJson withLinearizabilityChecks(Map<String, LinearizabilityCheck> checks) {
        return new EnvJson(version, run, machine, plan, deep, race, checks, ab, merge, unknown);
    }

    /** This env.json as one side of an A/B. */
    public EnvJson withAb(AbSide side) {
        return new EnvJson(version, run, machine, plan, deep, race, linearizabilityChecks, side, merge, unknown);
    }

    /** This env.json as the merge of shards. */
    public EnvJson withMerge(Merge shards) {
        return new EnvJson(version, run, machine, plan, deep, race, linearizabilityChecks, ab, shards, unknown);
    }

    /**
     * Which run this is and when it ran.
     *
     * @param runId the run's id (its folder's name)
     * @param git the commit measured
     * @param startedAt when the run first started
     * @param finishedAt when it finished; null while it runs, or when it was killed or incomplete
     * @param jmhLockIgnored whether it measured without JMH's machine-wide lock (numbers for pipeline checks only)
     * @param slowdown the planted slowdown ({@code STRATEGY:PERCENT}) its forks ran with, or null
     */
    @JsonPropertyOrder({"runId", "git", "startedAt", "finishedAt", "jmhLockIgnored", "slowdown"})
    public record Run(String runId, Git git, Instant startedAt, Instant finishedAt, Boolean jmhLockIgnored,
            String slowdown) {

        /** The same run with another id and times (a merge of shards). */
        public Run withIdAndTimes(String otherId, Instant otherStart, Instant otherFinish) {
            return new Run(otherId, git, otherStart, otherFinish, jmhLockIgnored, slowdown);
        }
    }

    /**
     * The git checkout measured.
     *
     * @param commit the commit, or null without git
     * @param dirty whether tracked files had changes, or null without git
     */
    public record Git(String commit, Boolean dirty) {
    }

    /**
     * What the run was asked to measure: the matrix, its timing and its strategies.
     *
     * @param effort {@code smoke}, {@code default}, {@code full}, or {@code ab} for an A/B side
     * @param threads the thread counts of the matrix
     * @param forks forks per cell of a fixed design
     * @param warmupIterations warm-up iterations per fork
     * @param warmupMillis milliseconds per warm-up iteration
     * @param measurementIterations measured iterations per fork
     * @param measurementMillis milliseconds per measured iteration
     * @param shard the shard of the matrix, {@code i/n} ({@code 1/3+2/3+3/3} when merged)
     * @param strategies the strategies measured, in run order
     * @param strategyGroups per strategy: {@code jdk}, {@code library} or {@code plugin}
     * @param unsafePlugins plug-ins marked not thread-safe (run at 100 % reads only)
     * @param pluginClasspath where the plug-ins' classes came from, absolute
     * @param include the cell-selection regex, or null for every cell
     * @param cellsPlanned cells this run (or shard) planned
     * @param equivalenceMarginPercent the verdicts' equivalence margin in percent
     * @param writes how the grid's writes were made ({@code update}, {@code remove-insert}), in run order
     * @param workloads the named workloads measured (presets and files; each file's copy is under {@code workloads/})
     */
    @JsonPropertyOrder({"effort", "threads", "forks", "warmupIterations", "warmupMillis", "measurementIterations",
        "measurementMillis", "shard", "strategies", "strategyGroups", "unsafePlugins", "pluginClasspath", "include",
        "cellsPlanned", "equivalenceMarginPercent", "writes", "workloads"})
    public record Plan(String effort, List<Integer> threads, Integer forks, Integer warmupIterations,
            Integer warmupMillis, Integer measurementIterations, Integer measurementMillis, String shard,
            List<String> strategies, Map<String, String> strategyGroups, List<String> unsafePlugins,
            List<String> pluginClasspath, String include, Integer cellsPlanned, Double equivalenceMarginPercent,
            List<String> writes, List<String> workloads) {

        /** Copies the collections. */
        public Plan {
            threads = copy(threads);
            strategies = copy(strategies);
            strategyGroups = strategyGroups == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(strategyGroups));
            unsafePlugins = copy(unsafePlugins);
            pluginClasspath = copy(pluginClasspath);
            writes = copy(writes);
            workloads = copy(workloads);
        }

        /** The same plan as another shard (a merge names every shard it holds) with its cell count. */
        public Plan withShard(String otherShard, Integer otherCellsPlanned) {
            return new Plan(effort, threads, forks, warmupIterations, warmupMillis, measurementIterations,
                    measurementMillis, otherShard, strategies, strategyGroups, unsafePlugins, pluginClasspath, include,
                    otherCellsPlanned, equivalenceMarginPercent, writes, workloads);
        }
    }

    /**
     * The deeper measurements the run added to the workload matrix.
     *
     * @param latencyCells whether it ran latency cells
     * @param gcSweep the collectors of the GC sweep (empty: none)
     * @param gcChurn whether the GC-sweep cells had churn figures
     * @param profile the profiler of the flame graphs ({@code async}), or null for none
     * @param iterationCells whether it ran iteration cells
     */
    @JsonPropertyOrder({"latencyCells", "gcSweep", "gcChurn", "profile", "iterationCells"})
    public record Deep(Boolean latencyCells, List<String> gcSweep, Boolean gcChurn, String profile,
            Boolean iterationCells) {

        /** Copies the list. */
        public Deep {
            gcSweep = copy(gcSweep);
        }
    }

    /**
     * How the run spent its forks; the outcome fields are null until the forks have run.
     *
     * @param design {@code race} or {@code fixed}
     * @param budgetSeconds the wall-time budget, or null for none
     * @param budgetStartedAt when the budget's clock started
     * @param equivalenceMarginPercent the margin racing decided with, in percent
     * @param maxForks most forks racing gives one cell
     * @param seed seed of the randomized fork order
     * @param stop why the forks stopped ({@code budget}, {@code decided}, ...)
     * @param stopReason the same in words
     * @param rounds rounds of forks run
     * @param forks forks run
     * @param workloadsRaced workloads raced
     * @param workloadsDecided workloads decided
     * @param workloadsOpen workloads still open
     * @param unsteadyForks forks that still trended after their warm-up
     * @param unsteadyCells cells with such forks
     * @param plantedSlowFork the deliberately slowed fork, or null
     */
    public record Race(String design, Long budgetSeconds, Instant budgetStartedAt, Double equivalenceMarginPercent,
            Integer maxForks, Long seed, String stop, String stopReason, Integer rounds, Integer forks,
            Integer workloadsRaced, Integer workloadsDecided, List<String> workloadsOpen, Integer unsteadyForks,
            Integer unsteadyCells, String plantedSlowFork) {

        /** Copies the list. */
        public Race {
            workloadsOpen = copy(workloadsOpen);
        }
    }

    /**
     * How one plug-in's linearizability check went; only the verdict when it was not checked.
     *
     * @param verdict the verdict
     * @param tool the checker and its version
     * @param modes how it checked
     * @param operations the operations and threads of its scenarios
     * @param seconds how long it took
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LinearizabilityCheck(String verdict, String tool, String modes, String operations, Double seconds) {
    }

    /**
     * Which side of which A/B a run folder is.
     *
     * @param side {@code baseline} or {@code candidate}
     * @param ref the git ref as given
     * @param commit the commit it named
     * @param sideJvmProperties {@code -D} properties given to this side's forks only
     * @param seed the seed of the A/B's interleaved schedule
     */
    public record AbSide(String side, String ref, String commit, List<String> sideJvmProperties, Long seed) {

        /** Copies the list. */
        public AbSide {
            sideJvmProperties = copy(sideJvmProperties);
        }
    }

    /**
     * The shards a merged run came from.
     *
     * @param shards each shard, in the order given to the merge
     * @param environmentsDiffer how the shards' machines differ, one line per {@link Machine#IDENTITY_FIELDS
     *     identity field} (empty: the same environment)
     * @param mergedFrom the shards' run ids
     */
    @JsonPropertyOrder({"shards", "environmentsDiffer", "mergedFrom"})
    public record Merge(List<Shard> shards, List<String> environmentsDiffer, List<String> mergedFrom) {

        /** Copies the lists. */
        public Merge {
            shards = copy(shards);
            environmentsDiffer = copy(environmentsDiffer);
            mergedFrom = copy(mergedFrom);
        }
    }

    /**
     * One shard of a merged run.
     *
     * @param shard the shard, {@code i/n}
     * @param runId the shard's own run id
     * @param env its env.json inside the merged folder, relative ({@code shards/<i>/env.json})
     * @param cpuModel its CPU model
     * @param jvm its JVM vendor and version
     * @param cells the cell files it contributed
     */
    public record Shard(String shard, String runId, String env, String cpuModel, String jvm, List<String> cells) {

        /** Copies the list. */
        public Shard {
            cells = copy(cells);
        }
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }
}
