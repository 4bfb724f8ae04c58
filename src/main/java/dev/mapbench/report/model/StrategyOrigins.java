package dev.mapbench.report.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the report's strategies come from ({@code jdk}, {@code library}, {@code plugin}).
 *
 * @param groups each group that has strategies, in the order jdk, library, plugin
 * @param originOf the group of each strategy ({@code ""} for one the report cannot place)
 */
public record StrategyOrigins(List<Group> groups, Map<String, String> originOf) {

    /** Copies the collections. */
    public StrategyOrigins {
        groups = List.copyOf(groups);
        originOf = Collections.unmodifiableMap(new LinkedHashMap<>(originOf));
    }

    /** No strategy placed. */
    public static StrategyOrigins none() {
        return new StrategyOrigins(List.of(), Map.of());
    }

    /**
     * One group and its strategies, as the legend lists them.
     *
     * @param group the group's label
     * @param strategies its strategies, each with its linearizability check or unsafe mark when it has one
     */
    public record Group(String group, String strategies) {
    }

    /** The group of {@code strategy}, {@code ""} when unknown. */
    public String originOf(String strategy) {
        return originOf.getOrDefault(strategy, "");
    }
}
