package dev.mapbench.report.analysis;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.Strategies;
import dev.mapbench.maps.StrategyGroup;
import dev.mapbench.report.model.StrategyOrigins;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.EnvJson;
import dev.mapbench.results.ResultSet;
import dev.mapbench.results.RunEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each strategy of a report comes from ({@code jdk}, {@code library} or {@code plugin}), which plug-ins
 * ran as unsafe, and what the run's linearizability check said of each plug-in.
 *
 * <p>Read from the runs' env.json ({@code strategyGroups}, {@code unsafePlugins}, {@code linearizabilityChecks});
 * without it a {@link MapStrategy} constant's own group is used, a qualified name is a plug-in, and a cell whose
 * fork ran with {@code -Dbench.unsafe=<name>} (JMH records the fork's JVM arguments) marks that plug-in unsafe.
 */
public final class StrategyGroups {

    private static final String UNSAFE_ARGUMENT = "-D" + Strategies.UNSAFE_PROPERTY + "=";

    private final Map<String, String> groups;
    private final Set<String> unsafe;
    private final Map<String, String> checks;

    private StrategyGroups(Map<String, String> groups, Set<String> unsafe, Map<String, String> checks) {
        this.groups = groups;
        this.unsafe = unsafe;
        this.checks = checks;
    }

    /** The groups of every strategy in {@code results}. */
    public static StrategyGroups of(ResultSet results) {
        Map<String, String> groups = new LinkedHashMap<>();
        Set<String> unsafe = new LinkedHashSet<>();
        Map<String, String> checks = new LinkedHashMap<>();
        for (RunEnvironment env : results.distinctEnvironments()) {
            EnvJson.Plan plan = env.env().plan();
            if (plan.strategyGroups() != null) {
                plan.strategyGroups().forEach(groups::putIfAbsent);
            }
            if (plan.unsafePlugins() != null) {
                unsafe.addAll(plan.unsafePlugins());
            }
        }
        for (BenchmarkCell cell : results.cells()) {
            for (String argument : cell.jvm().jvmArgs()) {
                if (argument.startsWith(UNSAFE_ARGUMENT)) {
                    unsafe.add(argument.substring(UNSAFE_ARGUMENT.length()));
                }
            }
        }
        unsafe.remove("");
        for (RunEnvironment env : results.distinctEnvironments()) {
            Map<String, EnvJson.LinearizabilityCheck> recorded = env.env().linearizabilityChecks();
            for (String strategy : groups.keySet()) {
                EnvJson.LinearizabilityCheck check = recorded == null ? null : recorded.get(strategy);
                if (check != null && check.verdict() != null) {
                    checks.putIfAbsent(strategy, (check.tool() == null ? "" : check.tool() + ": ") + check.verdict()
                            + (check.seconds() == null ? "" : ", " + check.seconds() + " s"));
                }
            }
        }
        return new StrategyGroups(groups, unsafe, checks);
    }

    /** {@code jdk}, {@code library} or {@code plugin}; empty for a name this report cannot place. */
    public String groupOf(String strategy) {
        String recorded = groups.get(strategy);
        if (recorded != null) {
            return recorded;
        }
        try {
            return MapStrategy.valueOf(strategy).group().label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return strategy != null && strategy.contains(".") ? StrategyGroup.PLUGIN.label() : "";
        }
    }

    /** False for a plug-in that ran as unsafe and for a constant that is not thread-safe: baselines, never winners. */
    public boolean threadSafe(String strategy) {
        return !unsafe.contains(strategy) && VerdictAnalysis.isThreadSafe(strategy);
    }

    /** What the run's linearizability check said of a plug-in, e.g. {@code Lincheck 3.7: linearizable, 48.1 s}. */
    public Optional<String> check(String strategy) {
        return Optional.ofNullable(checks.get(strategy));
    }

    /**
     * The origins of {@code strategies}: one legend entry per group that has some, in the order jdk, library,
     * plugin, each strategy with its check result or unsafe mark when it has one; and each strategy's group.
     */
    public StrategyOrigins origins(List<String> strategies) {
        List<StrategyOrigins.Group> legend = new ArrayList<>();
        for (StrategyGroup group : StrategyGroup.values()) {
            List<String> members = strategies.stream().distinct().filter(s -> groupOf(s).equals(group.label()))
                    .map(s -> s + (unsafe.contains(s) ? " (marked unsafe: 100 % reads only, not checked)"
                            : check(s).map(verdict -> " (" + verdict + ")").orElse("")))
                    .toList();
            if (!members.isEmpty()) {
                legend.add(new StrategyOrigins.Group(group.label(), String.join(", ", members)));
            }
        }
        Map<String, String> originOf = new LinkedHashMap<>();
        strategies.forEach(strategy -> originOf.putIfAbsent(strategy, groupOf(strategy)));
        return new StrategyOrigins(legend, originOf);
    }
}
