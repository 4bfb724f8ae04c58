package dev.mapbench.runner;

import dev.mapbench.maps.DeliberatelySlowedMap;
import dev.mapbench.maps.Strategy;
import dev.mapbench.maps.StrategyGroup;
import dev.mapbench.results.EnvJson;
import dev.mapbench.results.Machine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the runner records in env.json ({@link EnvJson}) about where, on what and how a run measured.
 *
 * <p>JVM facts describe the JVM that runs the forks: JMH forks the runner's own {@code java}, with
 * {@link ForkSpec#BASE_JVM_ARGS}, so GC and heap are read from those arguments.
 */
public final class Environment {

    private static final Pattern GC_FLAG = Pattern.compile("-XX:\\+Use(\\w+?)GC");
    private static final Pattern HEAP_FLAG = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");

    private Environment() {
    }

    /**
     * env.json for this run, without the groups only the runner's later steps know (deeper measurements, race,
     * linearizability checks); {@code finishedAt} is null while the run is going, {@code marginPercent} null when
     * the verdicts' margin is not this run's to record.
     */
    public static EnvJson describe(BenchSettings settings, String runId, int cores, String cpuModel, EnvJson.Git git,
            List<String> jvmArgs, int cellsPlanned, Double marginPercent, Instant startedAt, Instant finishedAt) {
        EnvJson.Run run = new EnvJson.Run(runId, git, startedAt, finishedAt, settings.ignoreJmhLock(),
                DeliberatelySlowedMap.configuredSetting());
        Effort effort = settings.effort();
        return EnvJson.of(run, machine(cores, cpuModel, jvmArgs), plan(settings, effort.label(), settings.forks(),
                effort.timing().withForks(settings.forks()), cellsPlanned, marginPercent));
    }

    /** The machine and JVM the forks run on: this JVM's, with {@code jvmArgs}. */
    public static Machine machine(int cores, String cpuModel, List<String> jvmArgs) {
        return new Machine(cpuModel, cores, new Machine.Jvm(System.getProperty("java.vm.vendor"),
                System.getProperty("java.runtime.version", System.getProperty("java.version")),
                System.getProperty("java.vm.name"), System.getProperty("java.home")),
                new Machine.Os(System.getProperty("os.name"), System.getProperty("os.version"),
                        System.getProperty("os.arch")),
                gcName(jvmArgs), jvmArgs, heapMaxBytes(jvmArgs));
    }

    /**
     * The plan of a run of {@code settings} recorded as {@code effort} with {@code timing}: besides the matrix,
     * what the report and a resumed run need to know about the strategies: {@code strategyGroups} (name →
     * {@code jdk}, {@code library} or {@code plugin}), {@code unsafePlugins} (plug-ins marked {@code bench.unsafe},
     * run at 100 % reads only) and {@code pluginClasspath} ({@code bench.classpath}, absolute).
     */
    public static EnvJson.Plan plan(BenchSettings settings, String effort, int forks, CellTiming timing,
            int cellsPlanned, Double marginPercent) {
        Map<String, String> groups = new LinkedHashMap<>();
        settings.strategies().forEach(strategy -> groups.put(strategy.name(), strategy.group().label()));
        return new EnvJson.Plan(effort, settings.threads(), forks, timing.warmupIterations(), timing.warmupMillis(),
                timing.measurementIterations(), timing.measurementMillis(), settings.shard().toString(),
                settings.strategies().stream().map(Strategy::name).toList(), groups,
                settings.strategies().stream()
                        .filter(strategy -> strategy.group() == StrategyGroup.PLUGIN && !strategy.threadSafe())
                        .map(Strategy::name).toList(),
                settings.plugins().entries().stream().map(Path::toString).toList(),
                settings.include() == null ? null : settings.include().pattern(), cellsPlanned, marginPercent,
                settings.workloads().writes().stream().map(writes -> writes.label()).toList(),
                settings.workloads().named().stream().map(spec -> spec.name()).toList());
    }

    /** GC named by a {@code -XX:+Use<Name>GC} flag ("G1", "Parallel", "Z" ...), else the JDK default, G1. */
    static String gcName(List<String> jvmArgs) {
        String gc = "G1"; // the default collector of JDK 9+ on a machine with 2+ cores and 2+ GiB
        for (String arg : jvmArgs) {
            Matcher matcher = GC_FLAG.matcher(arg);
            if (matcher.matches()) {
                gc = matcher.group(1);
            }
        }
        return gc;
    }

    /** The heap limit {@code -Xmx} sets, in bytes, or the runner JVM's own limit when no flag is given. */
    static long heapMaxBytes(List<String> jvmArgs) {
        long bytes = Runtime.getRuntime().maxMemory();
        for (String arg : jvmArgs) {
            Matcher matcher = HEAP_FLAG.matcher(arg);
            if (matcher.matches()) {
                long value = Long.parseLong(matcher.group(1));
                bytes = switch (matcher.group(2).toLowerCase()) {
                    case "k" -> value << 10;
                    case "m" -> value << 20;
                    case "g" -> value << 30;
                    default -> value;
                };
            }
        }
        return bytes;
    }

    /** The first "model name" line of a cpuinfo file, or "unknown" if there is none. */
    public static String cpuModel(Path cpuinfo) {
        try {
            for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    int colon = line.indexOf(':');
                    return colon < 0 ? "unknown" : line.substring(colon + 1).trim();
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    /** The commit of the git checkout at {@code directory} and whether it has changes; nulls when git is not there. */
    public static EnvJson.Git git(Path directory) {
        String commit = runGit(directory, "rev-parse", "HEAD");
        String status = commit == null ? null : runGit(directory, "status", "--porcelain", "--untracked-files=no");
        return new EnvJson.Git(commit, status == null ? null : !status.isBlank());
    }

    private static String runGit(Path directory, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return output;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
