package dev.mapbench.report.analysis;

import dev.mapbench.report.model.Environments;
import dev.mapbench.results.Machine;
import dev.mapbench.results.ResultSet;
import dev.mapbench.results.RunEnvironment;
import java.util.Comparator;
import java.util.List;

/** The environments the cells came from, and the machine fields on which they disagree. */
public final class EnvironmentAnalysis {

    private EnvironmentAnalysis() {
    }

    /** Each env.json the cells came from (one per shard of a merged run), with how many cells it measured. */
    public static Environments of(ResultSet results) {
        List<Environments.Entry> entries = results.distinctEnvironments().stream()
                .sorted(Comparator.comparing(environment -> environment.source().toString()))
                .map(environment -> new Environments.Entry(environment.source().toString(),
                        results.cells().stream().filter(cell -> results.environmentOf(cell)
                                .filter(environment::equals).isPresent()).count(),
                        environment.properties()))
                .toList();
        return new Environments(entries, differences(results.distinctEnvironments()));
    }

    /** The identity fields ({@link Machine}) on which the environments disagree, e.g. {@code cpuModel: A | B}. */
    public static List<String> differences(List<RunEnvironment> environments) {
        return Machine.differences(environments.stream().map(environment -> environment.env().machine().identity())
                .toList()).stream().map(difference -> difference.field() + ": "
                        + String.join(" | ", difference.values().stream().distinct().sorted().toList())).toList();
    }
}
