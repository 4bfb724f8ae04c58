package dev.mapbench.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Everything one JMH run of a cell is: the benchmark, its parameters, timing, threads or thread groups,
 * profilers, the run's JVM arguments and the cell's own. Written once, by the cell ({@link Cell#forkSpec},
 * {@link ExtraCell#forkSpec}), and rendered two ways: {@link #toOptions()} for the runner, which calls JMH's
 * Java API, and {@link #toArguments()} for the A/B, which starts JMH's own {@code org.openjdk.jmh.Main} on
 * another commit's class path. {@code ForkSpecTest} parses the arguments back with JMH's
 * {@code CommandLineOptions} and holds them against the options.
 *
 * @param benchmark the benchmark method, fully qualified (run as the exact regex {@code ^<quoted>$})
 * @param params JMH {@code @Param} values, in order
 * @param timing forks, warm-up and measurement
 * @param threads all threads of the run
 * @param threadGroups threads per {@code @Group} method, or empty
 * @param profilers the profilers, each a JMH name ({@code gc}) or class name, with its options
 * @param jvmArgs the forked JVM's arguments (heap, collector): the same for every cell of a kind
 * @param jvmArgsAppend arguments after them that this cell alone needs (the unsafe plug-in guard, a planted
 *     slowdown, a GC log), in order
 */
public record ForkSpec(String benchmark, Map<String, String> params, CellTiming timing, int threads,
        List<Integer> threadGroups, List<Profiler> profilers, List<String> jvmArgs, List<String> jvmArgsAppend) {

    /**
     * The arguments of every forked benchmark JVM: a fixed heap (no resizing during a cell, the same for every
     * cell) and the collector named, so env.json can state both.
     */
    public static final List<String> BASE_JVM_ARGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");

    /** A JMH profiler: a name JMH knows ({@code gc}) or a class name, and its option line (blank for none). */
    public record Profiler(String name, String options) {

        /** JMH's GC profiler, without options. */
        public static final Profiler GC = new Profiler("gc", "");

        /** As JMH's command line writes it: {@code gc} or {@code gc:churn=true}. */
        String argument() {
            return options.isBlank() ? name : name + ":" + options;
        }
    }

    /** Copies the collections; a spec cannot change after it is made. */
    public ForkSpec {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        threadGroups = List.copyOf(threadGroups);
        profilers = List.copyOf(profilers);
        jvmArgs = List.copyOf(jvmArgs);
        jvmArgsAppend = List.copyOf(jvmArgsAppend);
    }

    /** The same run with {@code forks} forks. */
    public ForkSpec withForks(int forks) {
        return withTiming(timing.withForks(forks));
    }

    /** The same run with another timing. */
    public ForkSpec withTiming(CellTiming other) {
        return new ForkSpec(benchmark, params, other, threads, threadGroups, profilers, jvmArgs, jvmArgsAppend);
    }

    /** The same run with {@code warmupIterations} warm-up iterations. */
    public ForkSpec withWarmupIterations(int warmupIterations) {
        return withTiming(new CellTiming(timing.forks(), warmupIterations, timing.warmupMillis(),
                timing.measurementIterations(), timing.measurementMillis()));
    }

    /** The same run with {@code more} appended to the cell's own JVM arguments. */
    public ForkSpec appending(List<String> more) {
        List<String> append = new ArrayList<>(jvmArgsAppend);
        append.addAll(more);
        return new ForkSpec(benchmark, params, timing, threads, threadGroups, profilers, jvmArgs, append);
    }

    /** The same run with its JVM arguments replaced (a GC-sweep cell names its own collector). */
    public ForkSpec withJvmArgs(List<String> other) {
        return new ForkSpec(benchmark, params, timing, threads, threadGroups, profilers, other, jvmArgsAppend);
    }

    /** JMH's own options for the run, failing on any benchmark error. */
    public ChainedOptionsBuilder toBuilder() {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(includeRegex())
                .forks(timing.forks())
                .warmupIterations(timing.warmupIterations())
                .warmupTime(org.openjdk.jmh.runner.options.TimeValue.milliseconds(timing.warmupMillis()))
                .measurementIterations(timing.measurementIterations())
                .measurementTime(org.openjdk.jmh.runner.options.TimeValue.milliseconds(timing.measurementMillis()))
                .threads(threads)
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .shouldFailOnError(true);
        if (!threadGroups.isEmpty()) {
            options.threadGroups(threadGroups.stream().mapToInt(Integer::intValue).toArray());
        }
        params.forEach(options::param);
        profilers.forEach(profiler -> options.addProfiler(profiler.name(), profiler.options()));
        if (!jvmArgsAppend.isEmpty()) {
            options.jvmArgsAppend(jvmArgsAppend.toArray(String[]::new));
        }
        return options;
    }

    /** {@link #toBuilder()}, built. */
    public Options toOptions() {
        return toBuilder().build();
    }

    /**
     * The same run as arguments of JMH's {@code org.openjdk.jmh.Main} (the java executable, class path and
     * result file are the caller's).
     */
    public List<String> toArguments() {
        if (jvmArgs.stream().anyMatch(arg -> arg.contains(" ")) || jvmArgsAppend.stream().anyMatch(arg -> arg.contains(" "))) {
            throw new IllegalArgumentException("JVM arguments with spaces cannot reach a fork through JMH's command line: "
                    + jvmArgs + " " + jvmArgsAppend);
        }
        List<String> arguments = new ArrayList<>(List.of(includeRegex(),
                "-f", Integer.toString(timing.forks()),
                "-wi", Integer.toString(timing.warmupIterations()), "-w", timing.warmupMillis() + "ms",
                "-i", Integer.toString(timing.measurementIterations()), "-r", timing.measurementMillis() + "ms",
                "-t", Integer.toString(threads)));
        if (!threadGroups.isEmpty()) {
            arguments.addAll(List.of("-tg", threadGroups.stream().map(String::valueOf).collect(Collectors.joining(","))));
        }
        params.forEach((name, value) -> arguments.addAll(List.of("-p", name + "=" + value)));
        profilers.forEach(profiler -> arguments.addAll(List.of("-prof", profiler.argument())));
        arguments.addAll(List.of("-jvmArgs", String.join(" ", jvmArgs)));
        if (!jvmArgsAppend.isEmpty()) {
            arguments.addAll(List.of("-jvmArgsAppend", String.join(" ", jvmArgsAppend)));
        }
        arguments.addAll(List.of("-foe", "true"));
        return arguments;
    }

    private String includeRegex() {
        return "^" + Pattern.quote(benchmark) + "$";
    }
}
