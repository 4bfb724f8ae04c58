package dev.mapbench.runner;

import dev.mapbench.maps.DeliberatelySlowedMap;
import dev.mapbench.maps.Strategy;
import dev.mapbench.maps.StrategyGroup;
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
 * The content of env.json (contract 1): where, on what and how a run measured.
 *
 * <p>JVM facts describe the JVM that runs the forks: JMH forks the runner's own {@code java}, with
 * {@link ForkSpec#BASE_JVM_ARGS}, so GC and heap are read from those arguments. Extends contract 1
 * compatibly with {@code strategies}, {@code include}, {@code cellsPlanned}, {@code jmhLockIgnored} and {@code warmupMillis} /
 * {@code measurementMillis}.
 */
public final class Environment {

    private static final Pattern GC_FLAG = Pattern.compile("-XX:\\+Use(\\w+?)GC");
    private static final Pattern HEAP_FLAG = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");

    private Environment() {
    }

    /** env.json's fields for this run; {@code finishedAt} is null while the run is going. */
    public static Map<String, Object> describe(BenchSettings settings, String runId, int cores, String cpuModel,
            Map<String, Object> git, List<String> jvmArgs, int cellsPlanned, Instant startedAt, Instant finishedAt) {
        Map<String, Object> env = new LinkedHashMap<>();
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("vendor", System.getProperty("java.vm.vendor"));
        jvm.put("version", System.getProperty("java.runtime.version", System.getProperty("java.version")));
        jvm.put("name", System.getProperty("java.vm.name"));
        jvm.put("home", System.getProperty("java.home"));
        env.put("runId", runId);
        env.put("jvm", jvm);
        env.put("gc", gcName(jvmArgs));
        env.put("jvmArgs", jvmArgs);
        env.put("heapMaxBytes", heapMaxBytes(jvmArgs));
        env.put("cores", cores);
        env.put("cpuModel", cpuModel);
        Map<String, Object> os = new LinkedHashMap<>();
        os.put("name", System.getProperty("os.name"));
        os.put("version", System.getProperty("os.version"));
        os.put("arch", System.getProperty("os.arch"));
        env.put("os", os);
        env.put("git", git);
        env.put("effort", settings.effort().label());
        env.put("threads", settings.threads());
        env.put("forks", settings.forks());
        env.put("warmupIterations", settings.effort().warmupIterations());
        env.put("warmupMillis", settings.effort().warmupMillis());
        env.put("measurementIterations", settings.effort().measurementIterations());
        env.put("measurementMillis", settings.effort().measurementMillis());
        env.put("shard", settings.shard().toString());
        env.put("strategies", settings.strategies().stream().map(Strategy::name).toList());
        env.putAll(strategyFields(settings));
        env.put("include", settings.include() == null ? null : settings.include().pattern());
        env.put("cellsPlanned", cellsPlanned);
        env.put("jmhLockIgnored", settings.ignoreJmhLock());
        env.put("slowdown", DeliberatelySlowedMap.configuredSetting());
        env.put("startedAt", startedAt.toString());
        env.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
        return env;
    }

    /**
     * What the report and a resumed run need to know about the run's strategies: {@code strategyGroups}
     * (name → {@code jdk}, {@code library} or {@code plugin}), {@code unsafePlugins} (plug-ins marked
     * {@code bench.unsafe}, run at 100 % reads only) and {@code pluginClasspath} ({@code bench.classpath},
     * absolute).
     */
    static Map<String, Object> strategyFields(BenchSettings settings) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        settings.strategies().forEach(strategy -> groups.put(strategy.name(), strategy.group().label()));
        fields.put("strategyGroups", groups);
        fields.put("unsafePlugins", settings.strategies().stream()
                .filter(strategy -> strategy.group() == StrategyGroup.PLUGIN && !strategy.threadSafe())
                .map(Strategy::name).toList());
        fields.put("pluginClasspath", settings.plugins().entries().stream().map(Path::toString).toList());
        return fields;
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

    /** {"commit", "dirty"} of the git checkout at {@code directory}; nulls when git is not there. */
    public static Map<String, Object> git(Path directory) {
        Map<String, Object> git = new LinkedHashMap<>();
        String commit = runGit(directory, "rev-parse", "HEAD");
        String status = commit == null ? null : runGit(directory, "status", "--porcelain", "--untracked-files=no");
        git.put("commit", commit);
        git.put("dirty", status == null ? null : !status.isBlank());
        return git;
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
