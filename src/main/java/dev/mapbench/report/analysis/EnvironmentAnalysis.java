package dev.mapbench.report.analysis;

import dev.mapbench.report.model.Environments;
import dev.mapbench.results.ResultSet;
import dev.mapbench.results.RunEnvironment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The environments the cells came from, and the machine fields on which they disagree. */
public final class EnvironmentAnalysis {

    /** The fields compared between environments: a difference in one of them makes cells not comparable. */
    static final List<String> MACHINE_FIELDS = List.of("cpuModel", "cores", "jvm.vendor", "jvm.version", "jvm.name",
            "os.name", "os.arch", "gc", "heapMaxBytes");

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

    /** The machine fields on which the environments disagree, e.g. {@code cpuModel: A | B}. */
    public static List<String> differences(List<RunEnvironment> environments) {
        List<String> differ = new ArrayList<>();
        for (String key : MACHINE_FIELDS) {
            List<String> values = environments.stream().map(environment -> environment.property(key).orElse("(absent)"))
                    .distinct().sorted().toList();
            if (values.size() > 1) {
                differ.add(key + ": " + String.join(" | ", values));
            }
        }
        return differ;
    }
}
