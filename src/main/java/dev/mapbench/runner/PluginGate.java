package dev.mapbench.runner;

import dev.mapbench.maps.Strategy;
import dev.mapbench.maps.StrategyGroup;
import dev.mapbench.results.EnvJson;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Correctness before measurement: every plug-in strategy of a run is checked for linearizability with
 * Lincheck before any cell runs, and one that fails is refused, so a number is never published for a map
 * that is not correct under concurrent writes.
 *
 * <p>Each plug-in is checked by {@code dev.mapbench.linearizability.LinearizabilityCheck} in a JVM of its
 * own: the runner's class path plus {@code bench.classpath} plus {@value #LINCHECK_CLASSPATH_FILE} (Lincheck
 * and its dependencies, which Maven writes at {@code process-classes}; they are in no measuring JVM), with
 * the agent flags Lincheck needs. Model checking, then stress: get / put / remove on two threads, twenty times
 * the test suite's scenarios, about a minute. A plug-in marked {@code -Dbench.unsafe} is not checked: it
 * runs at 100 % reads only. A refusal is bad input: one {@code error: bench.strategies: ...} line naming
 * linearizability, Lincheck's counterexample above it, exit 2, and nothing measured or written under
 * {@code results/}. The check's whole output stays in {@code target/linearizability/<name>.txt}.
 */
final class PluginGate {

    /** Lincheck's class path, one line, written by the pom's {@code lincheck-classpath} execution. */
    static final String LINCHECK_CLASSPATH_FILE = "target/lincheck-classpath.txt";
    /** Where each check's output is kept. */
    static final Path LOGS = Path.of("target", "linearizability");
    /** What Lincheck needs in the checking JVM, as surefire gives the test suite. */
    static final List<String> JVM_FLAGS = List.of("-XX:+EnableDynamicAgentLoading", "-Xshare:off");
    static final String CHECK_MAIN = "dev.mapbench.linearizability.LinearizabilityCheck";
    /**
     * Far above the minute a check takes on a quiet machine (builds running beside it made it 7× slower); a map
     * that hangs Lincheck's threads is refused, not waited for.
     */
    static final long TIMEOUT_SECONDS = 1_800;
    /** Where Lincheck's report turns from the interleaving to a trace of every access: the console stops there. */
    private static final String DETAILED_TRACE = "Detailed trace:";
    private static final Pattern LINCHECK_JAR = Pattern.compile("lincheck-(\\d[\\w.-]*?)\\.jar");

    /** One plug-in's outcome, as env.json records it. */
    record Check(String strategy, String verdict, boolean admitted, double seconds, Path log) {
    }

    private final List<Check> checks;
    private final String lincheckVersion;

    private PluginGate(List<Check> checks, String lincheckVersion) {
        this.checks = List.copyOf(checks);
        this.lincheckVersion = lincheckVersion;
    }

    /**
     * The runner's one call before any cell: puts {@code bench.classpath} on the forks' class path, then
     * checks every plug-in not marked unsafe; throws {@link IllegalArgumentException} when one is refused.
     */
    static PluginGate admit(BenchSettings settings, PrintStream console) throws IOException {
        settings.plugins().installForForks();
        boolean stress = BenchProperty.PLUGIN_STRESS.get(System.getProperties(), settings.effort());
        PluginGate gate = check(settings.strategies(), System.getProperty("java.class.path"),
                Path.of(LINCHECK_CLASSPATH_FILE), LOGS, List.of(), console, refused -> {
                    if (stress) {
                        stressBesideRefusal(refused, settings.effort().sizes(), settings.threads(), console);
                    }
                });
        if (stress) {
            stress(settings.strategies(), settings.effort().sizes(), settings.threads(), console);
        } else if (!gate.checks.isEmpty()) {
            console.println("stress: skipped (" + BenchProperty.PLUGIN_STRESS + "=false): the plug-ins are checked at "
                    + "the run's scale only by each fork's tear-down");
        }
        return gate;
    }

    /**
     * The stress phase after Lincheck ({@link PluginStress}): every thread-safe plug-in written to at the run's sizes
     * and thread counts for a few seconds; one that breaks is refused in one error line, its evidence above it.
     */
    static void stress(List<Strategy> strategies, List<Integer> sizes, List<Integer> threads, PrintStream console) {
        for (Strategy plugin : strategies) {
            if (plugin.group() == StrategyGroup.PLUGIN && plugin.threadSafe()) {
                console.printf(Locale.ROOT, "stress: writing to %s at sizes %s x threads %s (%.1f s each) before "
                        + "measuring it%n", plugin.name(), sizes, PluginStress.threadCounts(threads),
                        PluginStress.MILLIS_PER_COMBINATION / 1000.0);
                PluginStress.admit(PluginStress.check(plugin, sizes, threads, PluginStress.MILLIS_PER_COMBINATION),
                        sizes, threads, console);
            }
        }
    }

    /**
     * A plug-in Lincheck refused still gets the stress phase (seconds, not minutes), so what it does at the run's sizes
     * and threads is printed beside the counterexample on Lincheck's few keys: a reader fixing the map sees both.
     */
    static void stressBesideRefusal(Strategy plugin, List<Integer> sizes, List<Integer> threads, PrintStream console) {
        PluginStress.Result result = PluginStress.check(plugin, sizes, threads, PluginStress.MILLIS_PER_COMBINATION);
        if (result.passed()) {
            console.printf(Locale.ROOT, "stress: %s kept its state at sizes %s x threads %s with writes (%.1f s): "
                    + "Lincheck's counterexample is the evidence%n", plugin.name(), sizes,
                    PluginStress.threadCounts(threads), result.seconds());
            return;
        }
        console.printf(Locale.ROOT, "stress: %s broke at the run's scale too, after %.1f s of writes:%n", plugin.name(),
                result.seconds());
        result.evidence().forEach(line -> console.println("    " + line));
    }

    /**
     * Checks the plug-ins among {@code strategies} in JVMs on {@code classPath} plus Lincheck's;
     * {@code extraArguments} go after the strategy's name (the tests pass fewer scenarios).
     */
    static PluginGate check(List<Strategy> strategies, String classPath, Path lincheckClasspathFile, Path logs,
            List<String> extraArguments, PrintStream console) throws IOException {
        return check(strategies, classPath, lincheckClasspathFile, logs, extraArguments, console, refused -> { });
    }

    /** As above; {@code beforeRefusal} runs on a refused plug-in after its counterexample is printed. */
    static PluginGate check(List<Strategy> strategies, String classPath, Path lincheckClasspathFile, Path logs,
            List<String> extraArguments, PrintStream console, Consumer<Strategy> beforeRefusal) throws IOException {
        List<Strategy> plugins = strategies.stream().filter(s -> s.group() == StrategyGroup.PLUGIN).toList();
        if (plugins.isEmpty()) {
            return new PluginGate(List.of(), null);
        }
        if (!Files.isRegularFile(lincheckClasspathFile)) {
            throw new IllegalArgumentException(lincheckClasspathFile + ": not found; it lists Lincheck for the plug-in "
                    + "check and is written by the build (mvn process-classes, which scripts/bench runs)");
        }
        String lincheckPath = Files.readString(lincheckClasspathFile, StandardCharsets.UTF_8).strip();
        String version = lincheckVersion(lincheckPath);
        List<Check> checks = new ArrayList<>();
        for (Strategy plugin : plugins) {
            requireBuildable(plugin);
            if (!plugin.threadSafe()) {
                console.println("linearizability: " + plugin.name() + " is marked unsafe (" + BenchProperty.UNSAFE
                        + "): not checked, it runs at 100 % reads only");
                checks.add(new Check(plugin.name(), "not checked: marked unsafe, runs at 100 % reads only", true, 0, null));
                continue;
            }
            Check check = run(plugin, classPath + File.pathSeparator + lincheckPath, logs, extraArguments, console);
            checks.add(check);
            if (!check.admitted()) {
                printRefusal(check, console);
                beforeRefusal.accept(plugin);
                throw refusal(check);
            }
        }
        return new PluginGate(checks, version);
    }

    /**
     * Builds the plug-in once in this JVM, so a constructor that throws is one line naming its exception's class
     * and message, not a check JVM that exited without a verdict.
     */
    static void requireBuildable(Strategy plugin) {
        try {
            plugin.create(16);
        } catch (RuntimeException | LinkageError e) {
            Throwable cause = e.getCause() != null && e.getMessage() != null && e.getMessage().contains("constructor threw")
                    ? e.getCause() : e;
            throw BenchProperty.STRATEGIES.error(plugin.name() + " cannot be built: its constructor threw "
                    + cause.getClass().getName() + ": " + cause.getMessage() + "; nothing was measured");
        }
    }

    private static Check run(Strategy plugin, String classPath, Path logs, List<String> extraArguments,
            PrintStream console) throws IOException {
        Files.createDirectories(logs);
        Path log = logs.resolve(plugin.name() + ".txt");
        Path errors = logs.resolve(plugin.name() + ".stderr.txt");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(classPath);
        command.add(CHECK_MAIN);
        command.add(plugin.name());
        command.addAll(extraArguments);
        console.println("linearizability: checking " + plugin.name() + " with Lincheck before measuring it "
                + "(get/put/remove, 2 threads, model checking then stress; about a minute)");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(log.toFile()).redirectError(errors.toFile()).start();
        int exit;
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Check(plugin.name(), "failed: the check did not finish in " + TIMEOUT_SECONDS + " s", false,
                        seconds(start), log);
            }
            exit = process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking " + plugin.name(), e);
        }
        List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
        String verdict = output.stream().filter(line -> line.startsWith("verdict: ")).reduce((a, b) -> b)
                .map(line -> line.substring("verdict: ".length()))
                .orElse("failed: the check exited " + exit + " without a verdict (see " + errors + ")");
        boolean admitted = exit == 0 && verdict.equals("linearizable");
        double seconds = seconds(start);
        if (admitted) {
            console.printf(Locale.ROOT, "linearizability: %s is linearizable (%s; %.0f s)%n", plugin.name(),
                    String.join(", ", output.stream().filter(line -> line.startsWith("passed: "))
                            .map(line -> line.substring("passed: ".length())).toList()), seconds);
        }
        return new Check(plugin.name(), verdict, admitted, seconds, log);
    }

    /** Prints Lincheck's counterexample. */
    private static void printRefusal(Check check, PrintStream console) throws IOException {
        boolean notLinearizable = check.verdict().startsWith("not linearizable");
        console.println("linearizability: " + check.strategy() + " REFUSED: " + (notLinearizable
                ? "Lincheck found an execution whose results no sequential order of the same calls explains. "
                + "Its counterexample:" : check.verdict() + ". Lincheck's output:"));
        for (String line : Files.readAllLines(check.log(), StandardCharsets.UTF_8)) {
            if (line.startsWith(DETAILED_TRACE)) {
                console.println("    (Lincheck's detailed trace, every memory access of that interleaving: " + check.log() + ")");
                break;
            }
            if (!line.startsWith("verdict: ") && !line.startsWith("checking ")) {
                console.println("    " + line);
            }
        }
    }

    /** The one-line refusal. */
    private static IllegalArgumentException refusal(Check check) {
        boolean notLinearizable = check.verdict().startsWith("not linearizable");
        return BenchProperty.STRATEGIES.error(check.strategy() + " is "
                + (notLinearizable ? "not linearizable" : "refused by the linearizability check (" + check.verdict() + ")")
                + " (Lincheck; counterexample above, whole output in " + check.log() + "); nothing was measured. "
                + "Fix it, or mark it -D" + BenchProperty.UNSAFE + "=" + check.strategy()
                + " to measure it at 100 % reads only");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The Lincheck version in its jar's name on the class path, or null. */
    static String lincheckVersion(String classPath) {
        Matcher matcher = LINCHECK_JAR.matcher(classPath);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The checks in run order. */
    List<Check> checks() {
        return checks;
    }

    /** env.json's {@code linearizabilityChecks}: per plug-in its verdict, how it was checked and how long it took. */
    Map<String, EnvJson.LinearizabilityCheck> envFields() {
        Map<String, EnvJson.LinearizabilityCheck> byStrategy = new LinkedHashMap<>();
        for (Check check : checks) {
            byStrategy.put(check.strategy(), check.log() == null
                    ? new EnvJson.LinearizabilityCheck(check.verdict(), null, null, null, null)
                    : new EnvJson.LinearizabilityCheck(check.verdict(),
                            lincheckVersion == null ? "Lincheck" : "Lincheck " + lincheckVersion,
                            "model checking, stress", "get, put, remove over keys 1..3; 2 threads x 3 operations",
                            Math.round(check.seconds() * 10) / 10.0));
        }
        return byStrategy;
    }
}
