package dev.mapbench.linearizability;

import dev.mapbench.maps.MapOperation;
import dev.mapbench.maps.Strategies;
import dev.mapbench.maps.Strategy;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.Locale;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.Options;

/**
 * Checks one strategy's operations for linearizability with Lincheck, model checking then stress (get, put,
 * remove, and putIfAbsent, computeIfAbsent and merge when the strategy implements them),
 * exactly as the test suite checks the built-in strategies ({@link MapOperations}, {@link SequentialMap}),
 * with {@link LincheckRuns#PLUGIN_ITERATIONS} scenarios per mode. It is the worker of the runner's
 * correctness gate for plug-ins ({@code dev.mapbench.runner.PluginGate}), which starts it in a JVM of its
 * own: Lincheck needs its agent flags and instruments the classes it checks, and the runner's JVM must stay
 * as it is.
 *
 * <pre>
 * java -XX:+EnableDynamicAgentLoading -Xshare:off -cp &lt;runner's class path&gt;:&lt;target/lincheck-classpath.txt&gt; \
 *      dev.mapbench.linearizability.LinearizabilityCheck &lt;strategy name&gt; [scenarios per mode]
 * </pre>
 *
 * <p>Output: one line per mode, and on a rejection Lincheck's own report (the interleaving no sequential
 * order explains); the last line is {@code verdict: linearizable}, {@code verdict: not linearizable (<mode>)}
 * or {@code verdict: failed (<mode>): <Lincheck's headline>}. Exit 0 when both modes pass, 1 when Lincheck
 * rejects the strategy, 2 when the arguments are wrong.
 */
public final class LinearizabilityCheck {

    /** The verdict of a strategy both modes accepted. */
    public static final String LINEARIZABLE = "linearizable";
    /** The line that opens Lincheck's report of results no sequential order explains. */
    public static final String INVALID_RESULTS = "= Invalid execution results =";

    /** The strategy the spec builds; set once before Lincheck starts, read by every new spec instance. */
    private static Strategy underCheck;

    /** Lincheck's test class for a strategy with every operation: a fresh map per scenario. */
    public static final class Spec extends MapOperations {
        public Spec() {
            super(underCheck);
        }
    }

    /** Lincheck's test class for a strategy that implements only get, put and remove. */
    public static final class BasicSpec extends BasicMapOperations {
        public BasicSpec() {
            super(underCheck);
        }
    }

    private LinearizabilityCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the check for {@code args} ({@code name [scenarios]}), reporting on {@code out}; returns the exit code. */
    static int run(String[] args, PrintStream out) {
        if (args.length < 1 || args.length > 2) {
            out.println("usage: LinearizabilityCheck <strategy> [scenarios per mode]");
            return 2;
        }
        int scenarios;
        try {
            underCheck = Strategies.resolve(args[0]);
            scenarios = args.length == 2 ? Integer.parseInt(args[1]) : LincheckRuns.PLUGIN_ITERATIONS;
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return 2;
        }
        boolean conditional = underCheck.create(4).operations().containsAll(EnumSet.of(MapOperation.PUT_IF_ABSENT,
                MapOperation.COMPUTE_IF_ABSENT, MapOperation.MERGE));
        Class<?> spec = conditional ? Spec.class : BasicSpec.class;
        out.printf(Locale.ROOT, "checking %s: %s over keys 1..3, %d threads, %d scenarios per mode%n", underCheck.name(),
                conditional ? "get, put, remove, putIfAbsent, computeIfAbsent, merge" : "get, put, remove (it implements "
                        + "no putIfAbsent, computeIfAbsent or merge)", LincheckRuns.threads(), scenarios);
        if (!passes("model checking", LincheckRuns.modelChecking(scenarios), spec, out)
                || !passes("stress", LincheckRuns.stress(scenarios), spec, out)) {
            return 1;
        }
        out.println("verdict: " + LINEARIZABLE);
        return 0;
    }

    private static boolean passes(String mode, Options<?, ?> options, Class<?> spec, PrintStream out) {
        long start = System.nanoTime();
        try {
            options.check(spec);
        } catch (LincheckAssertionError e) {
            String report = e.getMessage() == null ? "" : e.getMessage();
            out.println(report.strip());
            out.println(report.contains(INVALID_RESULTS) ? "verdict: not linearizable (" + mode + ")"
                    : "verdict: failed (" + mode + "): " + headline(report));
            return false;
        } catch (RuntimeException | Error e) {
            e.printStackTrace(out);
            out.println("verdict: failed (" + mode + "): " + e);
            return false;
        }
        out.printf(Locale.ROOT, "passed: %s (%.1f s)%n", mode, (System.nanoTime() - start) / 1e9);
        return true;
    }

    /** Lincheck's first {@code = ... =} line, which names the kind of failure (an exception, a hang ...). */
    private static String headline(String report) {
        return report.lines().map(String::strip).filter(line -> line.startsWith("= ") && line.endsWith(" ="))
                .findFirst().orElse(report.lines().findFirst().orElse("no report"));
    }
}
